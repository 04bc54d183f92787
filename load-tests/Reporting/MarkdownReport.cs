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
        string F(double v) => new Figure(string.Empty, v, string.Empty).Display();
        string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

        var headline = report.Headline;
        Line($"# {report.Scenario}: {headline.Verdict}");
        Line();
        Line($"**{headline.Detail}**");
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
            Line($"| {figure.Name} | {figure.Display()} | {figure.Description} |");
        }

        Line();
        Line("## The load generator: its share of the machine, and against wrk");
        Line();
        if (report.Cpu is { } cpu)
        {
            Line($"CPU while the load ran: {cpu.Describe()}. **The generator took {cpu.GeneratorShare.ToString("P0", CultureInfo.InvariantCulture)} of the CPU the machine used.**");
        }
        else if (report.GeneratorVsWrk.Count == 0)
        {
            Line("CPU not measured.");
        }

        Line();
        if (report.GeneratorVsWrk.Count == 0)
        {
            Line("Not compared with wrk in this run (`calibrate` compares; a report compares unless `--calibrate-seconds 0`).");
        }
        else
        {
            Line("Same server, same sitting, same connections; wrk first, then ours offered 1.25 × wrk's figure open-loop. ok/s = 2xx answers per second.");
            Line();
            Line("| route | connections | wrk ok/s | ours ok/s | ours ÷ wrk | within 15 % | generator's share of machine CPU (ours) | CPU per request wrk / ours | rounds wrk / ours |");
            Line("|---|---:|---:|---:|---:|---|---:|---:|---|");
            foreach (var c in report.GeneratorVsWrk)
            {
                Line($"| {c.Route} | {c.Connections} | {F(c.WrkPerSecond)} | {F(c.OursPerSecond)} | {c.Ratio.ToString("0.00", CultureInfo.InvariantCulture)} | " +
                     $"{(c.IsGoodEnough ? "yes" : "**no**")} | {c.GeneratorShare.ToString("P0", CultureInfo.InvariantCulture)} | " +
                     $"{c.WrkCpuPerRequestUs.ToString("0.0", CultureInfo.InvariantCulture)} / {c.GeneratorCpuPerRequestUs.ToString("0.0", CultureInfo.InvariantCulture)} µs | " +
                     $"{string.Join(", ", c.Wrk.Select(r => F(r.SuccessPerSecond)))} / {string.Join(", ", c.Ours.Select(r => F(r.SuccessPerSecond)))} |");
            }
        }

        if (report.Steps.Any(s => s.Value.Count > 0))
        {
            Line();
            Line("## Latency per step (ms, every attempt; HdrHistogram, 3 significant digits)");
            Line();
            Line("| step | count | p50 | p95 | p99 | max | mean |");
            Line("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (step, s) in report.Steps.Where(s => s.Value.Count > 0))
            {
                Line($"| {step} | {s.Count} | {Ms(s.P50)} | {Ms(s.P95)} | {Ms(s.P99)} | {Ms(s.Max)} | {Ms(s.Mean)} |");
            }
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

        if (report.Pgbench.Count > 0)
        {
            Line("## External anchor: pgbench, hot-row purchase transaction");
            Line();
            Line("`pgbench -M prepared` on the run's own PostgreSQL, same machine, same sitting: `BEGIN; UPDATE ticket_types SET held = held + 1 " +
                 "... WHERE id = :tt AND sold + held + 1 <= capacity; INSERT INTO holds ...; COMMIT;` on one ticket type.");
            Line();
            Line("| clients | tps | latency avg ms | note |");
            Line("|---:|---:|---:|---|");
            foreach (var p in report.Pgbench)
            {
                Line($"| {p.Clients} | {F(p.TransactionsPerSecond)} | {Ms(p.LatencyAverageMs)} | {p.Error?.Replace("|", "/", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) ?? string.Empty} |");
            }

            Line();
        }

        Line("## Goals (measured, not asserted)");
        Line();
        Line("| goal | target | measured | met |");
        Line("|---|---|---|---|");
        foreach (var goal in report.Goals)
        {
            Line($"| {goal.Goal}{(goal.Essential ? " (essential)" : string.Empty)} | {goal.Target} | {goal.Measured} | {(goal.Met ? "yes" : "**no**")} |");
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
