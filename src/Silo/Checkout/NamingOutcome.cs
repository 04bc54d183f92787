namespace Fashionistas.Silo.Checkout;

/// <summary>The answer to <see cref="AttendeeNaming.NameAsync"/>; nothing is written unless it is <see cref="Named"/>.</summary>
public abstract record NamingOutcome
{
    private NamingOutcome()
    {
    }

    /// <summary>Every ticket carries its attendee; <paramref name="Mailed"/> of them changed after their confirmation went out.</summary>
    public sealed record Named(IReadOnlyList<Guid> TicketIds, int Mailed) : NamingOutcome;

    /// <summary>A name or document is not acceptable, or a ticket is named twice.</summary>
    public sealed record Invalid(string Reason) : NamingOutcome;

    /// <summary>A code is not one of the caller's valid tickets.</summary>
    public sealed record NotFound(string Code) : NamingOutcome;

    /// <summary>A ticket was scanned at the door already, or its attendee changed as often as allowed.</summary>
    public sealed record Refused(string Title, string Reason) : NamingOutcome;
}
