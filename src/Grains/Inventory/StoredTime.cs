namespace Fashionistas.Grains.Inventory;

/// <summary>
/// PostgreSQL keeps microseconds; .NET ticks are 100 ns. Times that are stored and later compared with what
/// a caller was told (hold deadlines) are cut to microseconds first, so a replay after a restart is identical.
/// </summary>
public static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TicksPerMicrosecond), time.Offset);
}
