namespace Fashionistas.Silo.LiveUpdates;

/// <summary>This process as a live-update node: an id for the registry and, on a web node, its sink.</summary>
public sealed class LocalLiveNode(IServiceProvider services)
{
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The web node's sink; null in a silo host without HTTP, which only sends.</summary>
    public LocalLiveSink? Sink { get; } = (LocalLiveSink?)services.GetService(typeof(LocalLiveSink));
}
