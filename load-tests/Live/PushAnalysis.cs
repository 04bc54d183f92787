using Fashionistas.LoadTests.Measurement;
using Fashionistas.LoadTests.Reporting;

namespace Fashionistas.LoadTests.Live;

/// <summary>Turns what the watchers received into push latencies (definitions on <see cref="PushSummary"/>).</summary>
public static class PushAnalysis
{
    public static PushSummary Summarize(
        WatcherPool watchers, Guid ticketTypeId, DateTimeOffset startedAt, IReadOnlyList<DateTimeOffset> holdAcknowledgements, int finalTaken,
        IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(watchers);
        ArgumentNullException.ThrowIfNull(holdAcknowledgements);
        var delivery = new List<double>();
        var visibility = new List<double>();
        long pushes = 0;
        long neverSeen = 0;
        var acks = holdAcknowledgements.Order().ToArray();
        foreach (var watcher in watchers.Joined)
        {
            // Snapshots from before the start (the join's current state) say nothing about how fast changes travel.
            var received = watcher.Pushes.Where(p => p.TicketTypeId == ticketTypeId && p.At >= startedAt).ToList();
            pushes += received.Count;
            delivery.AddRange(received.Select(p => Math.Max(0, (p.ReceivedAt - p.At).TotalMilliseconds)));

            // The first push (in arrival order) that reflects each acknowledged hold: its snapshot is no older than the
            // 201, or it already shows the final count. Both ascend through the acks, so one pass suffices.
            var next = 0;
            foreach (var ack in acks)
            {
                while (next < received.Count && received[next].At < ack && received[next].Capacity - received[next].Available < finalTaken)
                {
                    next++;
                }

                if (next == received.Count)
                {
                    neverSeen++;
                    continue;
                }

                visibility.Add(Math.Max(0, (received[next].ReceivedAt - ack).TotalMilliseconds));
            }
        }

        return new PushSummary(
            watchers.Requested,
            watchers.Joined.Count,
            pushes,
            LatencySummary.Of(delivery),
            LatencySummary.Of(visibility),
            neverSeen,
            [.. problems, .. watchers.Failures.Select(f => $"{f.Value} watcher(s) failed to join: {f.Key}")]);
    }
}
