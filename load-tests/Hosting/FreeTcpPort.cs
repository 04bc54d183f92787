using System.Net;
using System.Net.Sockets;

namespace Fashionistas.LoadTests.Hosting;

/// <summary>
/// A loopback TCP port nobody listens on right now, for a silo started beside others on one machine (Orleans needs its
/// silo port up front, it cannot bind port 0). Another process may take it before the silo binds: callers retry.
/// </summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
