namespace Fashionistas.Silo.Outbox;

/// <summary>Configuration section <c>Outbox</c>: how the dispatcher delivers queued messages.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Run the dispatcher in this process; default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due messages are looked for; default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages claimed per round; default 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Delivery attempts before a message is parked for a person to look at; default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failed attempt, doubled after each further one; default 5 seconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between attempts; default 15 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a claimed message stays invisible to other dispatchers; if this one dies mid-delivery, the message
    /// is tried again after it. Default 5 minutes (longer than any sender's timeout).
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
