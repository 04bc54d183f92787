using System.Net;
using Fashionistas.LoadTests.Cli;

namespace Fashionistas.LoadTests.Hosting;

/// <summary>
/// The load generator only ever aims at this machine: a target (or database) whose host does not resolve
/// entirely to 127.0.0.0/8 or ::1 is refused, so a typo can never load-test someone else's server.
/// </summary>
public static class LoopbackGuard
{
    public static async Task EnsureLoopbackAsync(string what, string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new UsageException($"{what} host '{host}' does not resolve: {ex.Message}");
            }
        }

        if (addresses.Length == 0 || !addresses.All(IPAddress.IsLoopback))
        {
            throw new UsageException(
                $"{what} host '{host}' resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}: " +
                "only loopback targets (127.0.0.0/8, ::1) are allowed.");
        }
    }
}
