namespace Fashionistas.Grains.Inventory;

/// <summary>Orders active holds by deadline (then id, so equal deadlines stay distinct) for the expiry sweep.</summary>
public readonly record struct HoldDeadline(DateTimeOffset ExpiresAt, Guid HoldId) : IComparable<HoldDeadline>
{
    public int CompareTo(HoldDeadline other)
    {
        var byTime = ExpiresAt.CompareTo(other.ExpiresAt);
        return byTime != 0 ? byTime : HoldId.CompareTo(other.HoldId);
    }

    public static bool operator <(HoldDeadline left, HoldDeadline right) => left.CompareTo(right) < 0;

    public static bool operator >(HoldDeadline left, HoldDeadline right) => left.CompareTo(right) > 0;

    public static bool operator <=(HoldDeadline left, HoldDeadline right) => left.CompareTo(right) <= 0;

    public static bool operator >=(HoldDeadline left, HoldDeadline right) => left.CompareTo(right) >= 0;
}
