namespace Fashionistas.LoadTests.Client;

/// <summary>
/// Spreads the run's requests over the web nodes of one cluster, as a round-robin load balancer would: a request
/// addressed to the first node goes to the next node in turn. Requests to any other address (a hub on a given node)
/// pass unchanged.
/// </summary>
public sealed class NodeSpreadingHandler(IReadOnlyList<Uri> nodes, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _next = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri && nodes.Count > 1 && SameOrigin(uri, nodes[0]))
        {
            var node = nodes[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)nodes.Count)];
            request.RequestUri = new UriBuilder(uri) { Host = node.Host, Port = node.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool SameOrigin(Uri uri, Uri node) =>
        uri.Port == node.Port && string.Equals(uri.Host, node.Host, StringComparison.OrdinalIgnoreCase);
}
