using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Observability;

/// <summary>The server with OpenTelemetry exporting over OTLP to <paramref name="endpoint"/>.</summary>
public sealed class OtlpApiFactory(Uri endpoint, string protocol) : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OpenTelemetry:OtlpEndpoint"] = endpoint.ToString(),
        ["OpenTelemetry:OtlpProtocol"] = protocol,
        ["OpenTelemetry:ServiceName"] = "fashionistas-under-test",
    };
}
