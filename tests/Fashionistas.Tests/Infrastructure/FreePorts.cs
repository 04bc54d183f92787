using System.Net;
using System.Net.Sockets;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>TCP ports free on 127.0.0.1 right now, for silos and servers that tests start side by side.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
