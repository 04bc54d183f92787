using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// The call did nothing durable: the grain's storage was unreachable, or its commit failed or was fenced off by a newer
/// activation. A retry reaches a fresh activation that reloads the database (HTTP: 503 + Retry-After).
/// </summary>
[GenerateSerializer, Alias("Fashionistas.GrainUnavailableException")]
public sealed class GrainUnavailableException : Exception
{
    public GrainUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
