using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.WaitingRoom;

/// <summary>What a waiting room decided since its last commit started: the batch being collected.</summary>
public sealed class PendingQueueWrites
{
    private readonly List<StoredQueueEntry> _newEntries = [];
    private readonly HashSet<Guid> _accounts = [];
    private readonly List<(Guid AccountId, int Position)> _placed = [];
    private readonly List<(int From, int To, DateTimeOffset At)> _admitted = [];
    private bool _roomChanged;

    public bool IsEmpty => !_roomChanged && _newEntries.Count == 0 && _placed.Count == 0 && _admitted.Count == 0;

    /// <summary>Whether this batch writes the account's entry or its position (its answer waits for it).</summary>
    public bool Touches(Guid accountId) => _accounts.Contains(accountId);

    public void RoomChanged() => _roomChanged = true;

    public void Add(StoredQueueEntry entry)
    {
        _newEntries.Add(entry);
        _accounts.Add(entry.AccountId);
    }

    public void Place(Guid accountId, int position)
    {
        _placed.Add((accountId, position));
        _accounts.Add(accountId);
        _roomChanged = true;
    }

    public void Admit(int from, int to, DateTimeOffset at)
    {
        _admitted.Add((from, to, at));
        _roomChanged = true;
    }

    public WaitingRoomBatch ToBatch(Guid eventId, long expectedVersion, WaitingRoomRow room) =>
        new(eventId, expectedVersion, room, [.. _newEntries], [.. _placed], [.. _admitted]);
}
