using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Storage;

/// <summary>The room's own row: settings and the two counters positions are read against.</summary>
public sealed record WaitingRoomRow(
    bool Enabled,
    WaitingRoomSettings Settings,
    bool Paused,
    DateTimeOffset? ShuffledAt,
    int AdmittedThrough,
    int NextPosition);
