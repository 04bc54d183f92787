namespace Fashionistas.LoadTests.Measurement;

/// <summary>One finished request: when it ended (Stopwatch ticks), how long it took, its status and the seats or tickets it moved.</summary>
public readonly record struct Sample(long EndTimestamp, float LatencyMs, short Status, short Units);
