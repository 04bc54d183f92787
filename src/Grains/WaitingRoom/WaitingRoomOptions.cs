namespace Fashionistas.Grains.WaitingRoom;

/// <summary>Tuning of waiting rooms (configuration section "WaitingRoom").</summary>
public sealed class WaitingRoomOptions
{
    public const string SectionName = "WaitingRoom";

    /// <summary>How often a room admits the next people and opens when due. Default 0.5 s.</summary>
    public TimeSpan AdmissionTick { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The window the admission rate is measured over (for estimates and the organizer). Default 1 minute.</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Admitting time measured before estimates use the measured rate instead of the configured one. Default 5 s.</summary>
    public TimeSpan MinimumRateHistory { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Automatic rate: how many admitted people may shop at once; one is let in as one is served. Default 200.</summary>
    public int AutomaticShoppers { get; set; } = 200;

    /// <summary>Automatic rate: the per-minute figure estimates use before anything is measured. Default 100.</summary>
    public int AutomaticStartPerMinute { get; set; } = 100;

    /// <summary>Calls that may wait on one room's commits; beyond it a join is refused with 503 + Retry-After. Default 50,000.</summary>
    public int MaxWaitingCalls { get; set; } = 50_000;

    /// <summary>Retry-After given with that refusal. Default 1 second.</summary>
    public TimeSpan BusyRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an enabled room's reminder wakes it after a restart or node loss. Default 1 minute.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
