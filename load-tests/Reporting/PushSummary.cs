using Fashionistas.LoadTests.Measurement;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>
/// Live-update latency seen by the watchers. <see cref="Delivery"/>: receipt time minus the push's <c>at</c> (the
/// server's timestamp of the availability snapshot, taken right after the commit that changed it; same machine
/// clock). <see cref="Visibility"/>: for each acknowledged hold and each watcher, from the hold's 201 at the buyer
/// to the first push that watcher received whose snapshot is no older than that 201 (or that shows the final
/// count) — an upper bound of how stale a watcher's view is.
/// </summary>
public sealed record PushSummary(
    int Watchers,
    int Joined,
    long Pushes,
    LatencySummary Delivery,
    LatencySummary Visibility,
    long HoldsNeverSeen,
    IReadOnlyList<string> Problems);
