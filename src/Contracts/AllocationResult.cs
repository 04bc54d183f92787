using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to setting aside or releasing an allocation's seats.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.AllocationResult")]
public abstract record AllocationResult
{
    private AllocationResult()
    {
    }

    public static AllocationResult NotFoundResult { get; } = new NotFound();

    /// <summary>Done (durably); the allocation's seats as they are now.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.AllocationResult.Ok")]
    public sealed record Ok(AllocationSeats Seats) : AllocationResult;

    /// <summary>Not possible as asked (too few public seats, or below the seats already used).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.AllocationResult.Refused")]
    public sealed record Refused(string Reason) : AllocationResult;

    /// <summary>No such ticket type, or no such allocation of it.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.AllocationResult.NotFound")]
    public sealed record NotFound : AllocationResult;
}
