using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fashionistas.LoadTests.Hosting;

namespace Fashionistas.LoadTests.Reporting;

/// <summary>Writes report.md, report.json and chart.html into results/&lt;timestamp&gt;-&lt;scenario&gt;/.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>load-tests/results of this checkout, or ./results when run from elsewhere.</summary>
    public static string DefaultRoot()
    {
        try
        {
            return Path.Combine(RepositoryRoot.Locate(), "load-tests", "results");
        }
        catch (DirectoryNotFoundException)
        {
            return Path.Combine(Directory.GetCurrentDirectory(), "results");
        }
    }

    public static async Task<string> WriteAsync(LoadReport report, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = Path.Combine(root, report.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + report.Scenario);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), MarkdownReport.Render(report), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, Json), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "chart.html"), ChartPage.Render(report), cancellationToken);
        return folder;
    }
}
