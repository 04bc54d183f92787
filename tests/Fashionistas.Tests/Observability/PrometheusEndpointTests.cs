using System.Net;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Observability;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Observability;

/// <summary>The Prometheus scrape endpoint answers where it is configured to and is a plain 404 everywhere else.</summary>
public sealed class PrometheusEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ALoopbackCallerScrapesTheServersMetrics()
    {
        using var client = api.Client();
        using var warmUp = await client.GetAsync("/api/events");
        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);

        using var scrape = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var body = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_bucket", body, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task AScrapeRelayedByAProxyIsRefusedAsIfThePathDidNotExist(string header, string value)
    {
        using var client = api.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.TryAddWithoutValidation(header, value);

        using var scrape = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAMetricsPortTheEndpointAnswersThereAndNotOnTheApiPort()
    {
        var metricsApi = new MetricsPortApiFactory();
        await metricsApi.InitializeAsync();
        try
        {
            using var client = metricsApi.Client();
            using var onApiPort = await client.GetAsync("/metrics");
            using var metrics = new HttpClient { BaseAddress = metricsApi.MetricsAddress };
            using var onMetricsPort = await metrics.GetAsync("/metrics");

            Assert.Equal(HttpStatusCode.NotFound, onApiPort.StatusCode);
            Assert.Equal(HttpStatusCode.OK, onMetricsPort.StatusCode);
            Assert.Contains("# TYPE", await onMetricsPort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)metricsApi).DisposeAsync();
        }
    }

    [Fact]
    public void AMetricsPortOutsideTheRangeOrAPathThatIsNotAPathStopsTheServerAtStart()
    {
        var validator = new DataAnnotationValidateOptions<TelemetryOptions>(null);

        Assert.True(validator.Validate(null, new TelemetryOptions()).Succeeded);
        Assert.True(validator.Validate(null, new TelemetryOptions { Prometheus = { Port = 9464 } }).Succeeded);
        Assert.True(validator.Validate(null, new TelemetryOptions { Prometheus = { Port = 0 } }).Failed);
        Assert.True(validator.Validate(null, new TelemetryOptions { Prometheus = { Path = "metrics" } }).Failed);
    }
}
