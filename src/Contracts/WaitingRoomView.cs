using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// A waiting room's counters: <see cref="Early"/> arrivals not yet placed, <see cref="Placed"/> places given,
/// <see cref="AdmittedThrough"/> of them admitted (in order), the rate measured over the recent window.
/// <see cref="Settings"/> is null for an event that never had a room.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.WaitingRoomView")]
public sealed record WaitingRoomView(
    Guid EventId,
    bool Enabled,
    WaitingRoomSettings? Settings,
    bool Paused,
    bool Opened,
    int Early,
    int Placed,
    int AdmittedThrough,
    double MeasuredPerMinute,
    DateTimeOffset At)
{
    /// <summary>People who joined and are not admitted yet.</summary>
    public int Waiting => Early + Placed - AdmittedThrough;
}
