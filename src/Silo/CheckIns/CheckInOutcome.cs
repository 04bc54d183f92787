using Fashionistas.Silo.Tickets;

namespace Fashionistas.Silo.CheckIns;

/// <summary>The answer to <see cref="CheckInService.CheckInAsync"/>.</summary>
public abstract record CheckInOutcome
{
    private CheckInOutcome()
    {
    }

    /// <summary>First scan: let them in.</summary>
    public sealed record Admitted(TicketRecord Ticket, DateTimeOffset CheckedInAt) : CheckInOutcome;

    /// <summary>Scanned before, at <paramref name="CheckedInAt"/>.</summary>
    public sealed record AlreadyCheckedIn(TicketRecord Ticket, DateTimeOffset CheckedInAt) : CheckInOutcome;

    /// <summary>No ticket with this code for this event.</summary>
    public sealed record NotFound : CheckInOutcome;

    /// <summary>The ticket was refunded or cancelled.</summary>
    public sealed record Void : CheckInOutcome;

    /// <summary>The ticket was given to someone else, whose ticket has a new code.</summary>
    public sealed record Transferred : CheckInOutcome;
}
