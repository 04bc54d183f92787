namespace Fashionistas.Silo.Waitlist;

/// <summary>Who is told when seats come back: pure arithmetic, apart from the database round that applies it.</summary>
public static class WaitlistRules
{
    private const int Percent = 100;

    /// <summary>
    /// How many more waiters to tell: the seats available, plus <paramref name="overbookingPercent"/> of them (rounded
    /// up), less the waiters already told whose window is still open (they are expected to take those seats).
    /// Never negative, never more than <paramref name="maxPerRound"/>.
    /// </summary>
    public static int WaitersToNotify(int available, int overbookingPercent, int outstanding, int maxPerRound)
    {
        if (available <= 0)
        {
            return 0;
        }

        var target = (int)Math.Min(int.MaxValue, ((long)available * (Percent + overbookingPercent) + Percent - 1) / Percent);
        return Math.Clamp(target - outstanding, 0, maxPerRound);
    }
}
