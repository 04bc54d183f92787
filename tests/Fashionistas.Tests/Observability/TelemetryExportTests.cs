using System.Net;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Integrations;
using Fashionistas.LoadTests.Hosting;

namespace Fashionistas.Tests.Observability;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task WithAnOtlpHttpEndpointTheServerServesRequestsAndExportsTracesAndMetrics()
    {
        await using var collector = await ScriptedHttpServer.StartAsync(new ScriptedResponse(200, string.Empty));
        var api = new OtlpApiFactory(collector.BaseAddress, "http/protobuf");
        await api.InitializeAsync();
        try
        {
            await ServeSomeRequestsAsync(api);
        }
        finally
        {
            // Stopping the host flushes both providers, so nothing waits for the batch or metric intervals.
            await ((IAsyncLifetime)api).DisposeAsync();
        }

        var traces = collector.Requests.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains(traces, r => r.Body.Contains("fashionistas-under-test", StringComparison.Ordinal));
        Assert.Contains(traces, r => r.Body.Contains("GET /api/events/{id:guid}/availability", StringComparison.Ordinal));
        Assert.Contains(traces, r => r.Body.Contains("IEventGrain/", StringComparison.Ordinal));

        var metrics = collector.Requests.Where(r => r.Path == "/v1/metrics").ToList();
        Assert.NotEmpty(metrics);
        Assert.Contains(metrics, r => r.Body.Contains("http.server.request.duration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithAnUnreachableOtlpGrpcEndpointTheServerStillServesRequests()
    {
        var api = new OtlpApiFactory(new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}"), "grpc");
        await api.InitializeAsync();
        try
        {
            await ServeSomeRequestsAsync(api);
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync();
        }
    }

    private static async Task ServeSomeRequestsAsync(ApiFactory api)
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        using var client = api.Client();
        using var listed = await client.GetAsync("/api/events");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        using var availability = await client.GetAsync($"/api/events/{show.Id}/availability");
        Assert.Equal(HttpStatusCode.OK, availability.StatusCode);
    }
}
