using Fashionistas.LoadTests.Measurement;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>The same flash sale on the row-locking purchase path: one transaction per hold, straight to PostgreSQL.</summary>
public sealed record BaselineResult(
    int Buyers,
    int Concurrency,
    int PoolSize,
    long HoldsAccepted,
    long SeatsHeld,
    double WindowSeconds,
    double HoldsPerSecond,
    LatencySummary Latency,
    IReadOnlyDictionary<string, long> Errors,
    VerificationResult Verification);
