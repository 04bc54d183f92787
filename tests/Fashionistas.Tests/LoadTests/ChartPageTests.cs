using System.Text.RegularExpressions;
using Fashionistas.LoadTests.Measurement;
using Fashionistas.LoadTests.Reporting;

namespace Fashionistas.Tests.LoadTests;

public sealed class ChartPageTests
{
    [Fact]
    public void EverySeriesTheChartNamesIsDrawnInItsOwnPanelEvenWhenItOverlapsAnother()
    {
        // Holds equal requests and tickets equal errors (both 0): on one shared axis each pair hid one of its lines.
        TimelinePoint[] timeline = [new(0, 3000, 3000, 6000, 0, 0, 40, 90), new(1, 2500, 2500, 5000, 0, 0, 45, 95)];
        var html = ChartPage.Render(new LoadReport(
            "flash-sale", "flash-sale --no-checkout", DateTimeOffset.UnixEpoch, MachineInfo.Current(), "http://127.0.0.1:5000/",
            new Dictionary<string, string>(), [], new Dictionary<string, LatencySummary>(), new Dictionary<string, long>(),
            new Dictionary<string, long>(), null, VerificationResult.Skipped("test"), null, [], timeline, []));

        Assert.Equal(ChartPage.Series.Count, Regex.Count(html, "<svg "));
        Assert.Equal(ChartPage.Series.Count, Regex.Count(html, "<polyline "));
        foreach (var (name, color, _) in ChartPage.Series)
        {
            Assert.Contains($"<h3>{name}</h3>", html, StringComparison.Ordinal);
            Assert.Contains($"stroke=\"{color}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("tickets/s (0 throughout: drawn on the axis)", html, StringComparison.Ordinal);
    }
}
