using System.Globalization;
using System.Text;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>report.md: the figures a person reads first, then latencies, errors, pushes, verification, goals.</summary>
public static class MarkdownReport
{
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        string F(double v) => v.ToString(Math.Abs(v) >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);
        string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

        Line($"# {report.Scenario}: {(report.Failed ? "FAILED" : "passed")}");
        Line();
        Line($"- Started: {report.StartedAt:u}");
        Line($"- Command: `{report.Command}`");
        Line($"- Target: {report.Target}");
        Line($"- Machine: {report.Machine.Cores} cores, {report.Machine.Os}, {report.Machine.Runtime}, load generator {report.Machine.Configuration}, load average at start {report.Machine.LoadAverage}");
        Line($"- Settings: {string.Join(", ", report.Settings.Select(s => $"{s.Key}={s.Value}"))}");
        Line();
        Line("## Figures");
        Line();
        Line("| figure | value | meaning |");
        Line("|---|---:|---|");
        foreach (var figure in report.Figures)
        {
            Line($"| {figure.Name} | {F(figure.Value)} | {figure.Description} |");
        }

        Line();
        Line("## Latency per step (ms, every attempt)");
        Line();
        Line("| step | count | p50 | p95 | p99 | max | mean |");
        Line("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (step, s) in report.Steps.Where(s => s.Value.Count > 0))
        {
            Line($"| {step} | {s.Count} | {Ms(s.P50)} | {Ms(s.P95)} | {Ms(s.P99)} | {Ms(s.Max)} | {Ms(s.Mean)} |");
        }

        Line();
        Line("## Outcomes and errors");
        Line();
        Table("outcome (answers of the product)", report.Outcomes);
        Table("error (status codes, exceptions, back-pressure)", report.Errors);

        if (report.Push is { } push)
        {
            Line("## Live updates");
            Line();
            Line($"{push.Joined} of {push.Watchers} watchers joined; {push.Pushes} availability pushes received.");
            Line();
            Line("| measure | count | p50 | p99 | max |");
            Line("|---|---:|---:|---:|---:|");
            Line($"| delivery: push `at` → receipt | {push.Delivery.Count} | {Ms(push.Delivery.P50)} | {Ms(push.Delivery.P99)} | {Ms(push.Delivery.Max)} |");
            Line($"| visibility: hold 201 → first push reflecting it (upper bound) | {push.Visibility.Count} | {Ms(push.Visibility.P50)} | {Ms(push.Visibility.P99)} | {Ms(push.Visibility.Max)} |");
            Line();
            Line("Delivery is the receipt time minus the push's `at` (the server's snapshot time after the commit; same machine clock). " +
                 "Visibility is, per acknowledged hold and watcher, the time from the hold's 201 at the buyer to the first push " +
                 "whose snapshot is not older than that 201 (or shows the final count).");
            if (push.HoldsNeverSeen > 0)
            {
                Line($"- {push.HoldsNeverSeen} (hold, watcher) pairs never saw a push reflecting the hold.");
            }

            foreach (var problem in push.Problems)
            {
                Line($"- {problem}");
            }

            Line();
        }

        Line("## Verification against the database");
        Line();
        Checks(report.Verification);

        if (report.Baseline is { } b)
        {
            Line("## Row-lock baseline");
            Line();
            Line($"The same sale ({b.Buyers} buyers released together, same seeded quantities and capacity) on one row-locking " +
                 $"transaction per hold, straight to PostgreSQL through a pool of {b.PoolSize} connections (no HTTP).");
            Line();
            Line($"- holds accepted: {b.HoldsAccepted}, seats held: {b.SeatsHeld}, window {b.WindowSeconds:F3} s");
            Line($"- **{F(b.HoldsPerSecond)} holds/s**; latency p50 {Ms(b.Latency.P50)} ms, p99 {Ms(b.Latency.P99)} ms, max {Ms(b.Latency.Max)} ms");
            Line();
            Table("baseline error", b.Errors);
            Checks(b.Verification);
        }

        Line("## Goals (measured, not asserted)");
        Line();
        Line("| goal | target | measured | met |");
        Line("|---|---|---|---|");
        foreach (var goal in report.Goals)
        {
            Line($"| {goal.Goal} | {goal.Target} | {goal.Measured} | {(goal.Met ? "yes" : "**no**")} |");
        }

        if (report.Notes.Count > 0)
        {
            Line();
            Line("## Notes");
            Line();
            foreach (var note in report.Notes)
            {
                Line($"- {note}");
            }
        }

        return md.ToString();

        void Table(string title, IReadOnlyDictionary<string, long> rows)
        {
            if (rows.Count == 0)
            {
                Line($"No {(title.StartsWith("outcome", StringComparison.Ordinal) ? "business outcomes" : "errors")}.");
                Line();
                return;
            }

            Line($"| {title} | count |");
            Line("|---|---:|");
            foreach (var (kind, count) in rows)
            {
                Line($"| {kind.Replace("|", "/", StringComparison.Ordinal)} | {count} |");
            }

            Line();
        }

        void Checks(VerificationResult verification)
        {
            if (!verification.Ran)
            {
                Line($"Not verified: {verification.SkippedBecause}.");
                Line();
                return;
            }

            Line("| check | result | detail |");
            Line("|---|---|---|");
            foreach (var check in verification.Checks)
            {
                Line($"| {check.Name} | {(check.Passed ? "pass" : "**FAIL**")} | {check.Detail} |");
            }

            Line();
        }
    }
}
