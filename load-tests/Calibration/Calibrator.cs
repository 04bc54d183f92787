using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Measurement;

namespace Fashionistas.LoadTests.Calibration;

/// <summary>
/// Runs wrk, then our generator (open loop, offered <see cref="Overload"/> times what wrk just achieved), on one route,
/// round after round, and keeps every round.
/// </summary>
public sealed class Calibrator(Uri baseAddress, int threads, int connections, TimeSpan duration, TimeSpan requestTimeout, int maxInFlight)
{
    /// <summary>Our generator is offered this much more than wrk's figure, so it measures the server, not the schedule.</summary>
    public const double Overload = 1.25;

    /// <summary>The route every report compares on: the server's cheapest answer (no authentication, no database).</summary>
    public const string TrivialRoute = "/health/live";

    /// <summary>The step's name in each round's own recorder, which only counts it.</summary>
    private const string HoldStep = "hold";

    /// <summary>Each request once: a calibration counts answers, it does not retry them.</summary>
    private static readonly RetryPolicy OneAttempt = new(MaxAttempts: 1, MaxPause: TimeSpan.Zero);

    public int Connections => connections;

    public async Task<GeneratorComparison> TrivialAsync(int rounds, TextWriter log, CancellationToken cancellationToken)
    {
        using var http = LoadHttp.Create(baseAddress, requestTimeout, connections);
        var client = new TicketingClient(http);
        return await CompareAsync("GET " + TrivialRoute, rounds, log,
            ct => WrkRunner.GetAsync(new Uri(baseAddress, TrivialRoute), threads, connections, duration, ct),
            (rate, ct) => GeneratorRun.RunAsync(rate, duration, maxInFlight, (_, c) => client.GetAsync(TrivialRoute, null, c), ct),
            cancellationToken);
    }

    /// <summary>Holds of one seat on <paramref name="ticketTypeId"/>, buyers in turn, a fresh idempotency key each.</summary>
    public async Task<GeneratorComparison> HoldsAsync(
        Guid ticketTypeId, IReadOnlyList<string> tokens, string runId, int rounds, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        using var http = LoadHttp.Create(baseAddress, requestTimeout, connections);
        var client = new TicketingClient(http);
        var path = $"/api/ticket-types/{ticketTypeId}/holds";
        var round = 0;
        return await CompareAsync("POST " + path.Replace(ticketTypeId.ToString(), "{id}", StringComparison.Ordinal), rounds, log,
            ct => WrkRunner.HoldsAsync(baseAddress, path, tokens, $"wrk-{runId}-{Interlocked.Increment(ref round)}", threads, connections, duration, ct),
            (rate, ct) =>
            {
                var prefix = $"ours-{runId}-{Interlocked.Increment(ref round)}-";
                // Through the scenarios' own step recording, so its cost is measured too.
                var recorder = new RunRecorder();
                return GeneratorRun.RunAsync(rate, duration, maxInFlight, (i, c) => OneAttempt.RunAsync(HoldStep, recorder,
                    () => client.HoldAsync(tokens[(int)(i % tokens.Count)], ticketTypeId, 1, prefix + i, c), _ => 1, c), ct);
            },
            cancellationToken);
    }

    private async Task<GeneratorComparison> CompareAsync(
        string route, int rounds, TextWriter log,
        Func<CancellationToken, Task<LoadToolResult>> wrk, Func<double, CancellationToken, Task<LoadToolResult>> ourGenerator, CancellationToken cancellationToken)
    {
        var wrkRuns = new List<LoadToolResult>();
        var ourRuns = new List<LoadToolResult>();
        var machineCpu = TimeSpan.Zero;
        for (var r = 0; r < rounds; r++)
        {
            wrkRuns.Add(await wrk(cancellationToken));
            await Print(r, "wrk", wrkRuns[^1]);
            var before = CpuUsage.Read(null);
            var ours = await ourGenerator(Math.Max(1, wrkRuns[^1].SuccessPerSecond * Overload), cancellationToken);
            var cpu = CpuUsage.Read(null).Since(before);
            machineCpu += cpu.Machine;
            ourRuns.Add(ours with { Cpu = cpu.LoadGenerator });
            await Print(r, "ours", ourRuns[^1]);
        }

        Task Print(int r, string tool, LoadToolResult last) => log.WriteLineAsync(FormattableString.Invariant(
            $"  {route} round {r + 1} {tool,-4}: {last.SuccessPerSecond,9:N0} ok/s ({last.Requests} requests, {last.NonSuccess} not 2xx, {last.Dropped} dropped, p50 {last.P50Ms:F1} ms, p99 {last.P99Ms:F1} ms, CPU {last.CpuPerRequestUs:F1} µs per request)"));

        var generatorCpu = ourRuns.Aggregate(TimeSpan.Zero, (sum, run) => sum + run.Cpu);
        return new GeneratorComparison(route, connections, wrkRuns, ourRuns, machineCpu > TimeSpan.Zero ? generatorCpu / machineCpu : 0);
    }
}
