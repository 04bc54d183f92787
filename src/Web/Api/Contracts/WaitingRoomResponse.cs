namespace Fashionistas.Web.Api.Contracts;

/// <summary>The organizer's view of a waiting room; <c>sold</c> counts seats sold across the event's tiers.</summary>
public sealed record WaitingRoomResponse(
    Guid EventId,
    bool Enabled,
    DateTimeOffset? OpensAt,
    string? Mode,
    int? AdmissionPerMinute,
    int? ShoppingMinutes,
    bool Paused,
    bool Opened,
    int Waiting,
    int Admitted,
    int Joined,
    double MeasuredPerMinute,
    int Sold,
    string QueueUrl,
    DateTimeOffset At);
