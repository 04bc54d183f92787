namespace Fashionistas.Silo.Outbox;

/// <summary>Exponential backoff: the wait after the n-th failed attempt is base × 2^(n-1), capped.</summary>
public static class OutboxBackoff
{
    public static TimeSpan After(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failedAttempts);

        // Doubling past the cap overflows nothing: stop as soon as the cap is reached.
        var delay = baseDelay;
        for (var attempt = 1; attempt < failedAttempts && delay < maxDelay; attempt++)
        {
            delay += delay;
        }

        return delay < maxDelay ? delay : maxDelay;
    }
}
