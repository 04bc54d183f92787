namespace Fashionistas.Silo.Waitlist;

/// <summary>Configuration section <c>Waitlist</c>: the size of a ticket type's waitlist and how its waiters are told.</summary>
public sealed class WaitlistOptions
{
    public const string SectionName = "Waitlist";

    /// <summary>Most people waiting for one ticket type; a join beyond it is refused (409). Default 10,000.</summary>
    public int MaxEntriesPerTicketType { get; set; } = 10_000;

    /// <summary>
    /// Extra waiters told per returned seat, in percent (rounded up): 20 tells 3 waiters about 2 seats, expecting some
    /// not to buy. Default 0: one waiter per seat.
    /// </summary>
    public int OverbookingPercent { get; set; }

    /// <summary>
    /// How long a told waiter counts as taking one of the returned seats. After it, seats still unsold are announced to
    /// the next waiters in line. Default 30 minutes (longer than a hold).
    /// </summary>
    public TimeSpan NotificationWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Quiet time after the first availability change before the waitlist is looked at, so a burst of changes costs one
    /// database round. Default 250 ms.
    /// </summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often the ticket types with waiters are reloaded from the database (joins on other nodes) and tiers with
    /// seats left are looked at again (lapsed notification windows). Default 30 seconds.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most waiters told about one ticket type in one round; the next round tells the rest. Default 500.</summary>
    public int MaxNotificationsPerRound { get; set; } = 500;
}
