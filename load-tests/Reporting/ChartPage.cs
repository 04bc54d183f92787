using System.Globalization;
using System.Net;
using System.Text;
using Fashionistas.LoadTests.Measurement;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>
/// chart.html: throughput and hold latency per second as inline SVG, one panel per series with its own scale (series
/// drawn on a shared axis hid each other: holds under requests, tickets under errors); opens offline, no scripts, no CDN.
/// </summary>
public static class ChartPage
{
    private const int Width = 900;
    private const int Height = 200;
    private const int Margin = 50;

    /// <summary>Every series the page draws, each in its own panel.</summary>
    public static readonly IReadOnlyList<(string Name, string Color, Func<TimelinePoint, double> Value)> Series =
    [
        ("holds/s", "#1f77b4", p => p.Holds),
        ("tickets/s", "#2ca02c", p => p.Tickets),
        ("requests/s", "#555555", p => p.Requests),
        ("errors/s", "#d62728", p => p.Errors),
        ("hold p50 ms", "#1f77b4", p => p.HoldP50Ms),
        ("hold p99 ms", "#ff7f0e", p => p.HoldP99Ms),
    ];

    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var points = report.Timeline;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode($"{report.Scenario} {report.StartedAt:u}"))
            .Append("</title><style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}svg{background:#fafafa;border:1px solid #ddd}" +
                    ".legend span{display:inline-block;margin-right:16px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}" +
                    "td,th{padding:2px 10px;text-align:right}</style></head><body>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode($"{report.Scenario} — {report.Headline.Verdict}")).Append("</h1><p><strong>")
            .Append(WebUtility.HtmlEncode(report.Headline.Detail)).Append("</strong></p>");
        html.Append("<p>").Append(WebUtility.HtmlEncode(report.Command)).Append("</p><table>");
        foreach (var figure in report.Figures)
        {
            html.Append("<tr><th>").Append(WebUtility.HtmlEncode(figure.Name)).Append("</th><td>")
                .Append(WebUtility.HtmlEncode(figure.Display())).Append("</td></tr>");
        }

        html.Append("</table>");
        html.Append("<h2>Per second of the run</h2>");
        foreach (var (name, color, value) in Series)
        {
            html.Append(Chart(points, [(name, color, value)], name.EndsWith("ms", StringComparison.Ordinal) ? "ms" : "per second"));
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Chart(IReadOnlyList<TimelinePoint> points, IReadOnlyList<(string Name, string Color, Func<TimelinePoint, double> Value)> series, string unit)
    {
        var svg = new StringBuilder();
        svg.Append("<h3>").Append(WebUtility.HtmlEncode(string.Join(", ", series.Select(x => x.Name)))).Append("</h3>");
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        if (points.Count == 0)
        {
            svg.Append("<text x=\"20\" y=\"40\">no data</text></svg>");
            return svg.ToString();
        }

        var maxY = Math.Max(1, series.Max(s => points.Max(s.Value)));
        var maxX = Math.Max(1, points.Count - 1);
        double X(int second) => Margin + (Width - 2 * Margin) * second / (double)maxX;
        double Y(double value) => Height - Margin - (Height - 2 * Margin) * value / maxY;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Height - Margin}\" x2=\"{Width - Margin}\" y2=\"{Height - Margin}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Margin}\" x2=\"{Margin}\" y2=\"{Height - Margin}\" stroke=\"#888\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var value = maxY * i / 4;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"4\" y=\"{Y(value) + 4:F1}\" font-size=\"11\">{value:0.#}</text><line x1=\"{Margin}\" y1=\"{Y(value):F1}\" x2=\"{Width - Margin}\" y2=\"{Y(value):F1}\" stroke=\"#eee\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 12}\" font-size=\"12\">seconds since start ({points.Count} s); y: {unit}</text>");
        foreach (var (_, color, value) in series)
        {
            var path = string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Second):F1},{Y(value(p)):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{path}\"/>");
            foreach (var p in points.Count <= 120 ? points : [])
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(p.Second):F1}\" cy=\"{Y(value(p)):F1}\" r=\"2.5\" fill=\"{color}\"/>");
            }
        }

        svg.Append("</svg><div class=\"legend\">");
        foreach (var (name, color, value) in series)
        {
            var zero = points.All(p => value(p) == 0) ? " (0 throughout: drawn on the axis)" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{color}\"></i>{WebUtility.HtmlEncode(name + zero)}</span>");
        }

        svg.Append("</div>");
        return svg.ToString();
    }
}
