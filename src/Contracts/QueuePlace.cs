using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// An account's place. <see cref="Position"/> is fixed once given; <see cref="AdmittedThrough"/> only grows, so the
/// people ahead (<c>Position - AdmittedThrough - 1</c>) only shrink. <see cref="EstimatedAdmissionAt"/> comes from the
/// measured admission rate (null while paused, before the opening, or once admitted).
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.QueuePlace")]
public sealed record QueuePlace(
    QueueStatus Status,
    int? Position,
    int AdmittedThrough,
    DateTimeOffset OpensAt,
    DateTimeOffset? AdmittedAt,
    DateTimeOffset? EstimatedAdmissionAt,
    double AdmissionPerMinute,
    bool Paused,
    TimeSpan ShoppingTime,
    DateTimeOffset At)
{
    public static QueuePlace None(DateTimeOffset at) =>
        new(QueueStatus.NotQueued, null, 0, at, null, null, 0, false, TimeSpan.Zero, at);

    /// <summary>People still ahead; null without a position.</summary>
    public int? Ahead => Position is { } p ? Math.Max(0, p - AdmittedThrough - 1) : null;
}
