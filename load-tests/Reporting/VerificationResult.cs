namespace Fashionistas.LoadTests.Reporting;

/// <summary>The database verification of a run; any failed check fails the run (non-zero exit).</summary>
public sealed record VerificationResult(bool Ran, IReadOnlyList<VerificationCheck> Checks, string? SkippedBecause = null)
{
    public bool Passed => Checks.All(c => c.Passed);

    public static VerificationResult Skipped(string reason) => new(false, [], reason);
}
