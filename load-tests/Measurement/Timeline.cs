using System.Diagnostics;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>Cuts a run's request logs into seconds (from the recorder's start) for the chart and the JSON report.</summary>
public static class Timeline
{
    public static IReadOnlyList<TimelinePoint> Build(RunRecorder recorder, string holdStep, string ticketStep)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var start = recorder.StartTimestamp;
        int SecondOf(long timestamp) => (int)Math.Max(0, (timestamp - start) / Stopwatch.Frequency);

        var all = recorder.Steps.SelectMany(s => s.Snapshot().Select(x => (Step: s.Name, Sample: x))).ToList();
        if (all.Count == 0)
        {
            return [];
        }

        var seconds = all.Max(x => SecondOf(x.Sample.EndTimestamp)) + 1;
        var points = new List<TimelinePoint>(seconds);
        var bySecond = all.ToLookup(x => SecondOf(x.Sample.EndTimestamp));
        for (var second = 0; second < seconds; second++)
        {
            var inSecond = bySecond[second].ToList();
            var holds = inSecond.Where(x => x.Step == holdStep).ToList();
            var accepted = holds.Where(x => x.Sample.Status == 201).ToList();
            var latency = LatencySummary.Of(holds.Select(x => (double)x.Sample.LatencyMs));
            points.Add(new TimelinePoint(
                second,
                inSecond.Count,
                accepted.Count,
                accepted.Sum(x => (long)x.Sample.Units),
                inSecond.Where(x => x.Step == ticketStep && x.Sample.Status is >= 200 and < 300).Sum(x => (long)x.Sample.Units),
                inSecond.Count(x => x.Sample.Status == 0 || (x.Sample.Status >= 400 && x.Sample.Status != 409)),
                latency.P50,
                latency.P99));
        }

        return points;
    }
}
