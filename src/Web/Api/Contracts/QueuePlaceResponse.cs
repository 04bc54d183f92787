namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// The caller's place in an event's waiting room. <c>status</c>: notQueued, early (place drawn at <c>opensAt</c>),
/// waiting or admitted (then <c>pass</c>, to send as the Waiting-Room-Pass header until <c>passExpiresAt</c>).
/// </summary>
public sealed record QueuePlaceResponse(
    Guid EventId,
    string Status,
    int? Position,
    int? Ahead,
    int AdmittedThrough,
    DateTimeOffset OpensAt,
    DateTimeOffset? EstimatedAdmissionAt,
    double? EstimatedWaitSeconds,
    double AdmissionPerMinute,
    bool Paused,
    string? Pass,
    DateTimeOffset? PassExpiresAt,
    string QueueUrl,
    DateTimeOffset At);
