using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Fashionistas.Tests.Resilience;

/// <summary>What the server answered to one request, and how long it took.</summary>
public sealed record Answer(HttpStatusCode Status, string? MediaType, TimeSpan? RetryAfter, JsonElement? Body, TimeSpan Took)
{
    /// <summary>
    /// Not a speed measurement: only "it did not hang". A request on a stopped database answers in milliseconds, one
    /// on a hung database within the configured timeouts; ten seconds is far above both.
    /// </summary>
    public static readonly TimeSpan DidNotHang = TimeSpan.FromSeconds(10);

    public static async Task<Answer> Of(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        var text = await response.Content.ReadAsStringAsync();
        watch.Stop();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        JsonElement? body = mediaType is not null && mediaType.EndsWith("json", StringComparison.Ordinal) && text.Length > 0
            ? JsonSerializer.Deserialize<JsonElement>(text)
            : null;
        return new Answer(response.StatusCode, mediaType, response.Headers.RetryAfter?.Delta, body, watch.Elapsed);
    }

    /// <summary>503, application/problem+json saying 503, a Retry-After, and no hang.</summary>
    public void AssertUnavailable()
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, Status);
        Assert.Equal("application/problem+json", MediaType);
        Assert.Equal(503, Body!.Value.GetProperty("status").GetInt32());
        Assert.NotNull(RetryAfter);
        Assert.True(RetryAfter > TimeSpan.Zero, $"Retry-After was {RetryAfter}.");
        Assert.True(Took < DidNotHang, $"The answer took {Took}.");
    }
}
