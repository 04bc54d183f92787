using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// The call did nothing durable: the grain's storage was unreachable, or its commit failed or was fenced off by a newer
/// activation. A retry reaches a fresh activation that reloads the database (HTTP: 503 + Retry-After). It carries the
/// cause as text only: a driver's exception has no Orleans codec and could not cross a silo boundary (the silo logs it).
/// </summary>
[GenerateSerializer, Alias("Fashionistas.GrainUnavailableException")]
public sealed class GrainUnavailableException : Exception
{
    public GrainUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>The call did nothing because of <paramref name="cause"/>, named in the message.</summary>
    public static GrainUnavailableException Because(string what, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new GrainUnavailableException($"{what} ({cause.GetType().Name}: {cause.Message})");
    }
}
