namespace Fashionistas.Grains.Runtime;

/// <summary>The activation's mailbox is full: the call was rejected at once and nothing was done.</summary>
public sealed class GrainBusyException(string grain, TimeSpan retryAfter)
    : Exception($"Grain {grain} is busy; retry after {retryAfter.TotalSeconds:0.#} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
