namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to adding or changing a ticket type.</summary>
public abstract record TicketTypeResult
{
    private TicketTypeResult()
    {
    }

    public static TicketTypeResult NotFoundResult { get; } = new NotFound();

    public sealed record Ok(TicketTypeSnapshot TicketType) : TicketTypeResult;

    /// <summary>The definition is malformed.</summary>
    public sealed record Invalid(string Reason) : TicketTypeResult;

    /// <summary>Well-formed but not allowed now (capacity rules, event status).</summary>
    public sealed record Refused(string Reason) : TicketTypeResult;

    /// <summary>No such event or ticket type.</summary>
    public sealed record NotFound : TicketTypeResult;
}
