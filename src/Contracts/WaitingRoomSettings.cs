using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// What an organizer sets for a waiting room: when the sale opens, how many people are let in per minute
/// (<c>null</c> = automatic, from how fast admitted people are served) and how long an admitted person may shop.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.WaitingRoomSettings")]
public sealed record WaitingRoomSettings(DateTimeOffset OpensAt, int? AdmissionPerMinute, TimeSpan ShoppingTime);
