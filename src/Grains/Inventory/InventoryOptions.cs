namespace Fashionistas.Grains.Inventory;

/// <summary>Tuning of the ticket inventory (configuration section "Inventory").</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Inventory";

    /// <summary>How long a hold keeps its seats before they go back on sale. Default 10 minutes.</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often an active ticket type sweeps expired holds. Default 1 second. Calls also expire due holds
    /// first, so this only bounds how stale published availability can be when nobody calls.
    /// </summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a ticket type with live holds is woken by its reminder when nobody calls it, so its holds expire on time
    /// even while it is idle (the sweep timer does the fine-grained work once it is active). Default 1 minute, the
    /// shortest period Orleans reminders allow.
    /// </summary>
    public TimeSpan ExpiryReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Callers that may wait on one ticket type's commits (the batch in flight and the one collecting); beyond it a call
    /// is refused at once with <c>GrainBusyException</c> (HTTP 503 + Retry-After). Default 10,000.
    /// </summary>
    public int MaxWaitingCalls { get; set; } = 10_000;

    /// <summary>Retry-After given with a refusal for <see cref="MaxWaitingCalls"/>. Default 1 second.</summary>
    public TimeSpan BusyRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a retried hold with the same idempotency key is answered with the first hold. Default 24 hours.
    /// Older keys are refused as reused, never applied twice.
    /// </summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longest idempotency key accepted. Default 200 characters.</summary>
    public int MaxIdempotencyKeyLength { get; set; } = 200;

    /// <summary>How many times a one-way notification to another grain is tried when that grain is busy. Default 5.</summary>
    public int NotificationAttempts { get; set; } = 5;

    /// <summary>Pause between tries of a one-way notification (at least the busy grain's Retry-After). Default 200 ms.</summary>
    public TimeSpan NotificationRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
