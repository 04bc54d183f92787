using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to <see cref="ITicketTypeGrain.IssueComps"/>: all recipients get a ticket, or none.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.CompResult")]
public abstract record CompResult
{
    private CompResult()
    {
    }

    public static CompResult NotFoundResult { get; } = new NotFound();

    /// <summary>Issued (durably: tickets, free orders and their confirmation messages are committed).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.CompResult.Issued")]
    public sealed record Issued(IssuedComp[] Comps, AllocationSeats Seats) : CompResult;

    /// <summary>The allocation has fewer seats left than recipients.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.CompResult.NotEnoughSeats")]
    public sealed record NotEnoughSeats(int Remaining) : CompResult;

    /// <summary>The request itself is wrong.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.CompResult.Invalid")]
    public sealed record Invalid(string Reason) : CompResult;

    /// <summary>No such ticket type, or no such allocation of it.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.CompResult.NotFound")]
    public sealed record NotFound : CompResult;
}
