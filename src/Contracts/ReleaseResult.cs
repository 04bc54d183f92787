using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to <see cref="ITicketTypeGrain.Release"/>.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.ReleaseResult")]
public abstract record ReleaseResult
{
    private ReleaseResult()
    {
    }

    public static ReleaseResult NotFoundResult { get; } = new NotFound();

    public static ReleaseResult NotOwnerResult { get; } = new NotOwner();

    /// <summary>The hold is released and its seats are available again.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.ReleaseResult.Released")]
    public sealed record Released(Guid HoldId, int Quantity) : ReleaseResult;

    /// <summary>No such hold on this ticket type.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.ReleaseResult.NotFound")]
    public sealed record NotFound : ReleaseResult;

    /// <summary>The hold belongs to someone else.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.ReleaseResult.NotOwner")]
    public sealed record NotOwner : ReleaseResult;

    /// <summary>The hold already ended; <paramref name="Status"/> is released, expired or converted.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.ReleaseResult.NotActive")]
    public sealed record NotActive(string Status) : ReleaseResult;
}
