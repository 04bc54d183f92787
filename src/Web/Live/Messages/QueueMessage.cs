namespace Fashionistas.Web.Live.Messages;

/// <summary>
/// A waiting room's counters, the same for everyone in it: each page works out its own people ahead from its position
/// (<c>position - admittedThrough - 1</c>) and its wait from <see cref="AdmissionPerMinute"/>, the measured rate.
/// </summary>
public sealed record QueueMessage(
    Guid EventId, bool Enabled, bool Opened, bool Paused, int Placed, int Early, int AdmittedThrough, double AdmissionPerMinute, DateTimeOffset At);
