using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Industry;

/// <summary>
/// The whole server with its local media store in a throw-away folder, a small upload limit (so oversize cases are
/// cheap), a quick outbox and quick placement-view flushes; Twenty CRM not configured.
/// </summary>
public class IndustryApiFactory : ApiFactory
{
    public const long MaxUploadBytes = 64 * 1024;

    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), "fashionistas-media-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => IndustrySettings();

    protected Dictionary<string, string?> IndustrySettings() => new()
    {
        ["Media:Local:RootPath"] = MediaRoot,
        ["Media:MaxBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Outbox:PollInterval"] = "00:00:00.100",
        ["Outbox:RetryBaseDelay"] = "00:00:00.200",
        ["PlacementViews:FlushInterval"] = "00:00:00.100",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaRoot))
        {
            Directory.Delete(MediaRoot, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
