namespace Fashionistas.Grains.Storage;

/// <summary>Another activation of the same waiting room committed first: nothing of the batch was written.</summary>
public sealed class WaitingRoomFencedException(Guid eventId, long expectedVersion)
    : Exception($"Waiting room {eventId} moved past version {expectedVersion}: another activation committed; nothing was written.");
