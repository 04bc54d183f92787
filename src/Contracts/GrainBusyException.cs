using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>Too many callers already wait on the grain: the call was refused at once and did nothing (HTTP: 503 + Retry-After).</summary>
[GenerateSerializer, Alias("Fashionistas.GrainBusyException")]
public sealed class GrainBusyException : Exception
{
    public GrainBusyException(string grain, TimeSpan retryAfter)
        : base($"Grain {grain} is busy; retry after {retryAfter.TotalSeconds:0.#} s.") => RetryAfter = retryAfter;

    [Id(0)]
    public TimeSpan RetryAfter { get; private set; }
}
