using System.Globalization;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Observability;

/// <summary>The server with the Prometheus scrape endpoint on a port of its own, also listened on.</summary>
public sealed class MetricsPortApiFactory : ApiFactory
{
    public int MetricsPort { get; } = ServerProcess.FreePort();

    public Uri MetricsAddress => new($"http://127.0.0.1:{MetricsPort}/");

    protected override IReadOnlyCollection<int> ExtraPorts => [MetricsPort];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OpenTelemetry:Prometheus:Port"] = MetricsPort.ToString(CultureInfo.InvariantCulture),
    };
}
