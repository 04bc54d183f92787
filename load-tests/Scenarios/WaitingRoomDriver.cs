using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.LoadTests.Live;
using Fashionistas.LoadTests.Measurement;
using Fashionistas.LoadTests.Reporting;
using Fashionistas.LoadTests.Verification;

namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// <c>waiting-room</c>: people join an event's waiting room around its opening at an offered rate (some from three tabs),
/// hub clients follow the queue, a sample asks for its estimated admission; then everyone is admitted at the configured
/// rate. Reports the join rate held, position-update latency, admission rate against the configured one and the
/// estimate error (predicted vs actual admission), and verifies the queue in the database.
/// </summary>
public static class WaitingRoomDriver
{
    private const int HoldProbes = 200;

    public static async Task<LoadReport> RunAsync(LoadTarget target, WaitingRoomOptions options, string command, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = DateTimeOffset.UtcNow;
        using var http = LoadHttp.Create(target.BaseAddress, TimeSpan.FromSeconds(60), nodes: target.Nodes);
        var client = new TicketingClient(http);
        var runId = startedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var admin = await client.LoginAsync(target.AdminEmail, target.AdminPassword, cancellationToken);
        var (_, organizer) = await FlashSaleSetup.CreateOrganizerAsync(client, admin, runId, cancellationToken);
        var seats = options.People * 2;
        var eventId = await client.CreateEventAsync(organizer, $"Waiting room {runId}", seats, cancellationToken);
        var ticketTypeId = await client.AddTicketTypeAsync(organizer, eventId, "General", seats, 4, 150_000, cancellationToken);
        await client.PutOnSaleAsync(admin, eventId, cancellationToken);
        var fast = target.ConnectionString is not null && target.SigningKey is not null;
        var people = await BuyerPool.CreateAsync(client, target, fast, options.People, runId, 8, log, cancellationToken);

        await log.WriteLineAsync($"Connecting {options.Watchers} queue watchers ...");
        var watchers = new List<QueueWatcher>();
        var hubUrl = new Uri(target.WatchAddress, "/hubs/live");
        foreach (var i in Spread(options.People, options.Watchers))
        {
            var watcher = new QueueWatcher(hubUrl, people[i].Token, 0);
            await watcher.StartAsync(eventId, cancellationToken);
            watchers.Add(watcher);
        }

        try
        {
            var joinStart = DateTimeOffset.UtcNow;
            var opensAt = joinStart + options.OpensAfter;
            await client.SetupAsync(HttpMethod.Put, $"/api/events/{eventId}/waiting-room", organizer,
                new { opensAt, mode = "fixed", admissionPerMinute = options.AdmissionPerMinute, shoppingMinutes = 30 }, cancellationToken);
            await log.WriteLineAsync($"Room on: opens {opensAt:HH:mm:ss.fff}, {options.AdmissionPerMinute:N0}/min; {options.People:N0} people join at {options.JoinRate:N0}/s ...");

            // ----- joins (open loop), holds without a pass, estimates of a sample -----
            var joins = new LatencyHistogram();
            var outcomes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var sample = Spread(options.People, options.EstimateSample).ToHashSet();
            var predictions = new ConcurrentDictionary<Guid, (DateTimeOffset At, DateTimeOffset Predicted)>();
            var probes = Spread(options.People, HoldProbes).Select(i => people[i]).ToList();
            var refusedHolds = 0;
            var clock = Stopwatch.StartNew();
            var tasks = new List<Task>(options.People);
            for (var i = 0; i < options.People; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / options.JoinRate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, cancellationToken);
                }

                var person = people[i];
                var tabs = options.TabsEvery > 0 && i % options.TabsEvery == 0 ? 3 : 1;
                var sampled = sample.Contains(i);
                tasks.Add(Task.Run(async () =>
                {
                    var results = await Task.WhenAll(Enumerable.Range(0, tabs).Select(_ =>
                        JoinAsync(http, person.Token, eventId, cancellationToken)));
                    foreach (var r in results)
                    {
                        joins.Record(r.LatencyMs);
                        outcomes.AddOrUpdate(r.Status == 200 ? "joined" : r.Failure ?? $"HTTP {r.Status}", 1, (_, n) => n + 1);
                    }

                    if (sampled && results[0].Body is { } body && body.TryGetProperty("estimatedAdmissionAt", out var estimate)
                        && estimate.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        predictions[person.Id] = (results[0].EndUtc, estimate.GetDateTimeOffset());
                    }
                }, cancellationToken));
            }

            await Task.WhenAll(tasks);
            var joinSeconds = clock.Elapsed.TotalSeconds;
            var joined = outcomes.GetValueOrDefault("joined");
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {joined:N0} joins in {joinSeconds:F1} s"));

            foreach (var person in probes)
            {
                var hold = await client.HoldAsync(person.Token, ticketTypeId, 1, Guid.NewGuid().ToString("N"), cancellationToken);
                refusedHolds += hold.Status == 403 ? 1 : 0;
            }

            // Early arrivals learn their place (and estimate) once the room opened.
            if (DateTimeOffset.UtcNow < opensAt + TimeSpan.FromSeconds(1))
            {
                await Task.Delay(opensAt + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow, cancellationToken);
            }

            foreach (var i in sample.Where(i => !predictions.ContainsKey(people[i].Id)))
            {
                var me = await client.GetAsync($"/api/events/{eventId}/queue/me", people[i].Token, cancellationToken);
                if (me.Body is { } body && body.TryGetProperty("estimatedAdmissionAt", out var estimate) && estimate.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    predictions[people[i].Id] = (me.EndUtc, estimate.GetDateTimeOffset());
                }
            }

            // ----- everyone admitted -----
            var deadline = DateTimeOffset.UtcNow + options.DurationLimit;
            while (DateTimeOffset.UtcNow < deadline)
            {
                var room = await client.SetupAsync(HttpMethod.Get, $"/api/events/{eventId}/waiting-room", organizer, null, cancellationToken);
                if (room.GetProperty("admitted").GetInt32() >= options.People)
                {
                    break;
                }

                await Task.Delay(500, cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // the last pushes arrive
            var withPass = 0;
            foreach (var person in probes.Take(50))
            {
                var me = await client.GetAsync($"/api/events/{eventId}/queue/me", person.Token, cancellationToken);
                var pass = me.Body?.GetProperty("pass").GetString();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ticket-types/{ticketTypeId}/holds") { Content = JsonContent.Create(new { quantity = 1 }) };
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", person.Token);
                request.Headers.Add("Waiting-Room-Pass", pass);
                using var response = await http.Setup.SendAsync(request, cancellationToken);
                withPass += (int)response.StatusCode == 201 ? 1 : 0;
            }

            return await ReportAsync(target, options, command, startedAt, eventId, people, watchers, joins, outcomes, predictions,
                joined, joinSeconds, refusedHolds, probes, withPass, log, cancellationToken);
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }
        }
    }

    private static async Task<LoadReport> ReportAsync(
        LoadTarget target, WaitingRoomOptions options, string command, DateTimeOffset startedAt, Guid eventId, IReadOnlyList<Buyer> people,
        IReadOnlyList<QueueWatcher> watchers, LatencyHistogram joins, ConcurrentDictionary<string, long> outcomes,
        ConcurrentDictionary<Guid, (DateTimeOffset At, DateTimeOffset Predicted)> predictions, long joined, double joinSeconds,
        int refusedHolds, IReadOnlyList<Buyer> probes, int withPass, TextWriter log, CancellationToken cancellationToken)
    {
        var expectedJoins = options.People + (options.TabsEvery > 0 ? (options.People + options.TabsEvery - 1) / options.TabsEvery * 2 : 0);
        var joinRate = joined / joinSeconds;
        var figures = new List<Figure>
        {
            new("joins/s", joinRate, $"join requests answered per second ({joined:N0} of {expectedJoins:N0} in {joinSeconds:F1} s; offered {options.JoinRate:N0}/s)"),
            new("holds refused w/o pass", refusedHolds, $"of {probes.Count} holds tried without a pass while the room was on (want all)"),
            new("holds with pass", withPass, $"of {Math.Min(50, probes.Count)} admitted people holding with their pass (want all)"),
            new("place went back", watchers.Sum(w => w.WentBack), "queue messages whose admitted position was lower than one already seen (want 0)"),
        };
        var goals = new List<GoalCheck>
        {
            new("join rate held", $">= 90 % of {options.JoinRate:N0}/s", joinRate.ToString("N0", CultureInfo.InvariantCulture) + "/s", joinRate >= 0.9 * options.JoinRate, Essential: true),
        };
        var steps = new Dictionary<string, LatencySummary>(StringComparer.Ordinal) { ["join"] = joins.Summary() };
        var notes = new List<string>();
        var verification = VerificationResult.Skipped("no database connection (use our own server or --connection)");
        if (target.ConnectionString is { } connection)
        {
            // The first 50 probes held later with their pass; the others never had one.
            var (result, entries, _) = await WaitingRoomVerifier.VerifyAsync(
                connection, eventId, [.. people.Select(p => p.Id)], [.. probes.Skip(50).Select(p => p.Id)], cancellationToken);
            verification = result with
            {
                Checks = [.. result.Checks, new VerificationCheck("holds refused without a pass", refusedHolds == probes.Count, $"{refusedHolds} of {probes.Count} refused (403)")],
            };
            var admittedAt = entries.Values.Where(e => e.AdmittedAt is not null).ToDictionary(e => e.Position, e => e.AdmittedAt!.Value);

            // Position-update latency: when a watcher first saw admission reach position X, against when X was admitted.
            var pushes = watchers.SelectMany(w => w.Seen)
                .Where(s => admittedAt.ContainsKey(s.AdmittedThrough))
                .Select(s => (s.At - admittedAt[s.AdmittedThrough]).TotalMilliseconds)
                .ToList();
            var push = LatencySummary.Of(pushes);
            steps["position update"] = push;
            figures.Add(new("position update p99 ms", push.P99, $"admission decided → a queue page told ({push.Count:N0} updates to {watchers.Count} watchers)"));
            goals.Add(new("position update latency p99", "<= 1,000 ms", push.P99.ToString("N0", CultureInfo.InvariantCulture) + " ms", push.P99 <= 1_000));

            // Admission rate: over the span the queue was admitting, as the grain timed it.
            var times = admittedAt.OrderBy(a => a.Key).Select(a => a.Value).ToList();
            var firstTick = times.Count(t => t == times[0]);
            var rate = times.Count > firstTick ? (times.Count - firstTick) / (times[^1] - times[0]).TotalMinutes : double.NaN;
            figures.Add(new("admitted/min", rate, $"measured admission rate (configured {options.AdmissionPerMinute:N0}/min)"));
            var rateError = Math.Abs(rate - options.AdmissionPerMinute) / options.AdmissionPerMinute;
            goals.Add(new("admission rate vs configured", "within 5 %", (rateError * 100).ToString("F1", CultureInfo.InvariantCulture) + " %", rateError <= 0.05, Essential: true));

            // Estimate error: |actual - predicted| / actual wait, for each sampled prediction still ahead of its admission.
            var errors = predictions
                .Where(p => entries.TryGetValue(p.Key, out var e) && e.AdmittedAt > p.Value.At)
                .Select(p => Math.Abs((entries[p.Key].AdmittedAt!.Value - p.Value.Predicted).TotalSeconds) / (entries[p.Key].AdmittedAt!.Value - p.Value.At).TotalSeconds)
                .Order()
                .ToList();
            var p90 = errors.Count == 0 ? double.NaN : errors[(int)Math.Min(errors.Count - 1, Math.Ceiling(errors.Count * 0.9) - 1)];
            figures.Add(new("estimate error p90 %", p90 * 100, $"|actual - predicted admission| / actual wait, {errors.Count:N0} predictions"));
            goals.Add(new("estimate error p90", "<= 20 %", (p90 * 100).ToString("F1", CultureInfo.InvariantCulture) + " %", p90 <= 0.2, Essential: true));
        }
        else
        {
            notes.Add("Not verified: position-update latency, admission rate and estimate error need the database.");
        }

        await log.WriteLineAsync("Run done; writing the report.");
        return new LoadReport(
            "waiting-room",
            command,
            startedAt,
            MachineInfo.Current(),
            target.BaseAddress.ToString(),
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["people"] = options.People.ToString(CultureInfo.InvariantCulture),
                ["joinRate"] = options.JoinRate.ToString(CultureInfo.InvariantCulture),
                ["admissionPerMinute"] = options.AdmissionPerMinute.ToString(CultureInfo.InvariantCulture),
                ["opensAfter"] = options.OpensAfter.ToString(),
                ["watchers"] = options.Watchers.ToString(CultureInfo.InvariantCulture),
                ["tabsEvery"] = options.TabsEvery.ToString(CultureInfo.InvariantCulture),
                ["estimateSample"] = options.EstimateSample.ToString(CultureInfo.InvariantCulture),
            },
            figures,
            steps,
            new Dictionary<string, long>(outcomes, StringComparer.Ordinal),
            new Dictionary<string, long>(StringComparer.Ordinal),
            null,
            verification,
            null,
            goals,
            [],
            notes);
    }

    private static readonly byte[] NoBody = "{}"u8.ToArray();

    /// <summary>A measured join over the run's keep-alive connections (as <c>TicketingClient</c> measures its hot calls).</summary>
    private static async Task<StepResult> JoinAsync(LoadHttp http, string token, Guid eventId, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await http.SendAsync(RawRequest.Post($"/api/events/{eventId}/queue", token, null, NoBody), cancellationToken);
            var end = Stopwatch.GetTimestamp();
            return new StepResult(response.Status, response.Status >= 400 ? $"HTTP {response.Status}" : null,
                Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, end, DateTimeOffset.UtcNow, response.Json, response.RetryAfter);
        }
        catch (RawHttpException ex)
        {
            var end = Stopwatch.GetTimestamp();
            return new StepResult(0, ex.Failure, Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, end, DateTimeOffset.UtcNow,
                ReadOnlyMemory<byte>.Empty, null);
        }
    }

    /// <summary><paramref name="count"/> indexes spread evenly over 0..<paramref name="total"/>-1.</summary>
    private static IEnumerable<int> Spread(int total, int count) =>
        count <= 0 ? [] : Enumerable.Range(0, Math.Min(count, total)).Select(k => (int)((long)k * total / Math.Min(count, total))).Distinct();
}
