namespace Fashionistas.Grains.Storage;

/// <summary>A waiting room as loaded on activation: its row, version (the fence) and every entry.</summary>
public sealed record StoredWaitingRoom(WaitingRoomRow Room, long Version, IReadOnlyList<StoredQueueEntry> Entries);
