using System.Text;
using System.Text.Json;
using Fashionistas.LoadTests.Client;

namespace Fashionistas.Tests.LoadTests;

/// <summary>The load generator's own HTTP/1.1 client (<see cref="RawHttpPool"/>) against answers framed every way a server may frame them.</summary>
public sealed class RawHttpClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ChunkedAndSizedAnswersAreReadWholeOnOneKeptAliveConnection()
    {
        await using var server = new ScriptedSocketServer((n, _) => Encoding.ASCII.GetBytes(n == 1
            ? "HTTP/1.1 201 Created\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n" +
              "7\r\n{\"holdI\r\n19;ext=1\r\nd\":\"a\",\"available\":12345}\r\n0\r\n\r\n"
            : "HTTP/1.1 409 Conflict\r\nContent-Type: application/problem+json\r\nContent-Length: 15\r\nRetry-After: 3\r\n\r\n{\"available\":2}"));
        using var pool = new RawHttpPool(server.Address, 4, Timeout);

        var created = await pool.SendAsync(RawRequest.Post("/holds", "token", "key-1", "{\"quantity\":1}"u8.ToArray()), CancellationToken.None);
        var conflict = await pool.SendAsync(RawRequest.Get("/again", "token"), CancellationToken.None);

        Assert.Equal(201, created.Status);
        Assert.Equal(12345, JsonDocument.Parse(created.Json).RootElement.GetProperty("available").GetInt32());
        Assert.Equal(409, conflict.Status);
        Assert.Equal(2, JsonDocument.Parse(conflict.Json).RootElement.GetProperty("available").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(3), conflict.RetryAfter);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task ARequestOnAConnectionTheServerClosedWhileIdleIsSentAgainOnANewOne()
    {
        await using var server = new ScriptedSocketServer((_, _) => "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 7\r\n\r\nHealthy"u8.ToArray());
        using var pool = new RawHttpPool(server.Address, 1, Timeout);
        Assert.Equal(200, (await pool.SendAsync(RawRequest.Get("/health/live", null), CancellationToken.None)).Status);

        server.CloseConnections();
        var again = await pool.SendAsync(RawRequest.Get("/health/live", null), CancellationToken.None);

        Assert.Equal(200, again.Status);
        Assert.True(again.Json.IsEmpty, "A body that is not JSON is skipped, not kept.");
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task ARequestWithoutAnswerFailsAsATimeoutAndThePoolServesTheNext()
    {
        await using var server = new ScriptedSocketServer((n, _) => n == 1 ? null : "HTTP/1.1 204 No Content\r\n\r\n"u8.ToArray());
        using var pool = new RawHttpPool(server.Address, 1, TimeSpan.FromMilliseconds(300));

        var failure = await Assert.ThrowsAsync<RawHttpException>(async () => await pool.SendAsync(RawRequest.Get("/silent", null), CancellationToken.None));
        var next = await pool.SendAsync(RawRequest.Get("/next", null), CancellationToken.None);

        Assert.Equal("timeout", failure.Failure);
        Assert.Equal(204, next.Status);
    }

    [Fact]
    public async Task TheRequestCarriesItsTokenKeyAndBodyLength()
    {
        string? seen = null;
        await using var server = new ScriptedSocketServer((_, head) =>
        {
            seen = head;
            return "HTTP/1.1 204 No Content\r\n\r\n"u8.ToArray();
        });
        using var pool = new RawHttpPool(server.Address, 1, Timeout);

        await pool.SendAsync(RawRequest.Post("/api/holds/1/checkout", "abc.def", "key-7", "{}"u8.ToArray()), CancellationToken.None);

        Assert.NotNull(seen);
        Assert.StartsWith("POST /api/holds/1/checkout HTTP/1.1\r\n", seen, StringComparison.Ordinal);
        Assert.Contains("\r\nAuthorization: Bearer abc.def", seen, StringComparison.Ordinal);
        Assert.Contains("\r\nIdempotency-Key: key-7", seen, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 2", seen, StringComparison.Ordinal);
        Assert.Contains($"\r\nHost: {server.Address.Authority}", seen, StringComparison.Ordinal);
    }
}
