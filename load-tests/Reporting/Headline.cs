namespace Fashionistas.LoadTests.Reporting;

/// <summary>
/// The verdict a report opens with. FAILED: the database verification found a violation, or an essential goal (what
/// the run was asked to do, such as holding a sustained rate) was missed. "goals not met": consistent, but short of
/// some targets. "passed": consistent and every goal met.
/// </summary>
public sealed record Headline(string Verdict, string Detail, bool Failed)
{
    public static Headline Of(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var violations = report.Verification.Checks.Concat(report.Baseline?.Verification.Checks ?? []).Count(c => !c.Passed);
        var missedEssential = report.Goals.Where(g => g.Essential && !g.Met).ToList();
        var missed = report.Goals.Count(g => !g.Met);
        var goals = report.Goals.Count == 0 ? "no goals set" : $"{report.Goals.Count - missed} of {report.Goals.Count} goals met";
        var verified = report.Verification.Ran ? (violations == 0 ? "database verified" : $"{violations} database check(s) FAILED") : "not verified against the database";
        if (violations > 0 || missedEssential.Count > 0)
        {
            var why = missedEssential.Select(g => $"{g.Goal}: NOT met ({g.Measured})");
            return new Headline("FAILED", string.Join("; ", [.. why, verified, goals]), true);
        }

        return missed > 0
            ? new Headline("goals not met", $"{goals}; {verified}", false)
            : new Headline("passed", $"{goals}; {verified}", false);
    }

    public override string ToString() => $"{Verdict}: {Detail}";
}
