using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to adding or changing a ticket type.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.TicketTypeResult")]
public abstract record TicketTypeResult
{
    private TicketTypeResult()
    {
    }

    public static TicketTypeResult NotFoundResult { get; } = new NotFound();

    [GenerateSerializer, Immutable, Alias("Fashionistas.TicketTypeResult.Ok")]
    public sealed record Ok(TicketTypeSnapshot TicketType) : TicketTypeResult;

    /// <summary>The definition is malformed.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.TicketTypeResult.Invalid")]
    public sealed record Invalid(string Reason) : TicketTypeResult;

    /// <summary>Well-formed but not allowed now (capacity rules, event status).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.TicketTypeResult.Refused")]
    public sealed record Refused(string Reason) : TicketTypeResult;

    /// <summary>No such event or ticket type.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.TicketTypeResult.NotFound")]
    public sealed record NotFound : TicketTypeResult;
}
