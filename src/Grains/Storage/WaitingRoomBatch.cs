namespace Fashionistas.Grains.Storage;

/// <summary>
/// One group commit of a waiting room, written in one transaction only if the stored version is still
/// <see cref="ExpectedVersion"/>: the room row (always, with the version moved on), new entries, positions the opening
/// shuffle gave, and admitted position ranges.
/// </summary>
public sealed record WaitingRoomBatch(
    Guid EventId,
    long ExpectedVersion,
    WaitingRoomRow Room,
    IReadOnlyList<StoredQueueEntry> NewEntries,
    IReadOnlyList<(Guid AccountId, int Position)> Placed,
    IReadOnlyList<(int From, int To, DateTimeOffset At)> Admitted);
