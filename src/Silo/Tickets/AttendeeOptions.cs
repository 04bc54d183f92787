namespace Fashionistas.Silo.Tickets;

/// <summary>Configuration section <c>Attendees</c>: how owners may change the names on their tickets.</summary>
public sealed class AttendeeOptions
{
    public const string SectionName = "Attendees";

    /// <summary>
    /// How many times the owner may change one ticket's attendee (names given at checkout do not count); default 5.
    /// Each change mails an updated ticket, and endless renames are how tickets are resold around the rules.
    /// </summary>
    public int MaxChangesPerTicket { get; set; } = 5;

    /// <summary>
    /// How long an updated-ticket message waits before it goes out; default 1 minute. Further changes of the same owner
    /// meanwhile join it, so naming tickets one by one still sends one e-mail.
    /// </summary>
    public TimeSpan UpdateDelay { get; set; } = TimeSpan.FromMinutes(1);
}
