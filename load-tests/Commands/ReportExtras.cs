using Fashionistas.LoadTests.Anchor;
using Fashionistas.LoadTests.Calibration;
using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Scenarios;

namespace Fashionistas.LoadTests.Commands;

/// <summary>
/// What every report gets after its run, on the same server in the same sitting: wrk against our generator on the
/// server's cheapest route (<c>--calibrate-seconds</c>, 0: off) and pgbench's hot-row figure (<see cref="AnchorOptions"/>).
/// </summary>
internal sealed record ReportExtras(TimeSpan CalibrateFor, AnchorOptions Anchor)
{
    public static ReportExtras Parse(CommandLine cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        return new ReportExtras(TimeSpan.FromSeconds(cli.Int("calibrate-seconds", 3, 0, 600)), AnchorOptions.Parse(cli));
    }

    public async Task<LoadReport> AddToAsync(LoadReport report, LoadTarget target, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(log);
        var notes = report.Notes.ToList();
        var comparisons = new List<GeneratorComparison>();
        if (CalibrateFor > TimeSpan.Zero && WrkRunner.IsInstalled())
        {
            await log.WriteLineAsync("Generator vs wrk on the same server:");
            var calibrator = new Calibrator(target.BaseAddress, Environment.ProcessorCount, LoadHttp.DefaultConnections, CalibrateFor,
                TimeSpan.FromSeconds(30), maxInFlight: 5_000);
            comparisons.Add(await calibrator.TrivialAsync(1, log, cancellationToken));
        }
        else if (CalibrateFor > TimeSpan.Zero)
        {
            notes.Add("wrk is not installed (Debian: apt-get install wrk): the generator was not compared with it.");
        }

        var pgbench = Anchor.Enabled && target.ConnectionString is { } cs
            ? await PgbenchRunner.RunAsync(cs, Anchor.Clients, Anchor.Duration, log, cancellationToken)
            : [];
        return report with { Notes = notes, GeneratorVsWrk = comparisons, Pgbench = pgbench };
    }
}
