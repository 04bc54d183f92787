namespace Fashionistas.Web.Api.Contracts;

/// <summary>Whether an event's sale has an active waiting room, for anyone (the event page sends buyers to it).</summary>
public sealed record QueueRoomResponse(
    Guid EventId, bool Active, DateTimeOffset? OpensAt, bool Opened, bool Paused, int Waiting, int AdmittedThrough,
    double AdmissionPerMinute, string QueueUrl);
