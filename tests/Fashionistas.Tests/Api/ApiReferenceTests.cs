using System.Net;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

/// <summary>The OpenAPI document says every status a route answers and how to sign in; the Scalar page is served over it.</summary>
public sealed class ApiReferenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheHoldRouteDeclaresEachStatusItAnswersAndTheBearerScheme()
    {
        var document = await DocumentAsync();

        Assert.Equal("Fashionistas API", document.GetProperty("info").GetProperty("title").GetString());
        var hold = Operation(document, "/api/ticket-types/{id}/holds", "post");
        Assert.Equal(["201", "400", "401", "403", "404", "409", "429", "503"], Statuses(hold));
        Assert.Equal("application/problem+json", hold.GetProperty("responses").GetProperty("409").GetProperty("content").EnumerateObject().Single().Name);
        Assert.Equal("Bearer", hold.GetProperty("security")[0].EnumerateObject().Single().Name);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
    }

    [Fact]
    public async Task OtherRoutesDeclareTheirOwnProblemsAndAnonymousRoutesNeedNoToken()
    {
        var document = await DocumentAsync();

        Assert.Equal(["200", "400", "401", "402", "404", "409", "429", "502", "503"], Statuses(Operation(document, "/api/holds/{id}/checkout", "post")));
        Assert.Equal(["200", "401", "404", "409", "502", "503"], Statuses(Operation(document, "/api/orders/{id}/cancel", "post")));
        Assert.Equal(["200", "400", "401", "403", "404", "409", "503"], Statuses(Operation(document, "/api/events/{id}/status", "post")));
        var availability = Operation(document, "/api/events/{id}/availability", "get");
        Assert.Equal(["200", "404", "503"], Statuses(availability));
        Assert.False(availability.TryGetProperty("security", out _));
        Assert.Equal(["200", "400", "401", "429", "503"], Statuses(Operation(document, "/api/auth/login", "post")));
    }

    [Fact]
    public async Task TheReferencePageIsServedWithInlineScriptsAllowedOnlyUnderItsPath()
    {
        using var client = api.Client();

        using var page = await client.GetAsync("/scalar/");
        using var events = await client.GetAsync("/api/events");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'unsafe-inline';", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", string.Join(' ', events.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = api.Client();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string[] Statuses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)];
}
