using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Fashionistas.LoadTests.Client;

/// <summary>
/// The public API as a buyer, organizer or admin uses it. Hot-path calls answer a <see cref="StepResult"/> and never
/// throw for HTTP outcomes; setup calls throw <see cref="SetupException"/> when the server refuses.
/// </summary>
public sealed class TicketingClient(LoadHttp http)
{
    private const int SetupAttempts = 10;
    private const int MaxPrecomputedQuantity = 16;
    private static readonly TimeSpan MaxSetupPause = TimeSpan.FromSeconds(5);
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>Hold bodies, encoded once: <c>{"quantity":n}</c>.</summary>
    private static readonly byte[][] QuantityBodies =
        [.. Enumerable.Range(0, MaxPrecomputedQuantity + 1).Select(QuantityBody)];

    /// <summary>"HTTP 409" and the like, made once per status rather than once per answer.</summary>
    private static readonly string[] StatusFailures = [.. Enumerable.Range(0, 600).Select(s => $"HTTP {s}")];

    public Task<StepResult> AvailabilityAsync(string? token, Guid eventId, CancellationToken cancellationToken) =>
        GetAsync($"/api/events/{eventId}/availability", token, cancellationToken);

    public Task<StepResult> HoldAsync(string token, Guid ticketTypeId, int quantity, string idempotencyKey, CancellationToken cancellationToken) =>
        HotAsync(RawRequest.Post($"/api/ticket-types/{ticketTypeId}/holds", token, idempotencyKey,
            quantity is > 0 and <= MaxPrecomputedQuantity ? QuantityBodies[quantity] : QuantityBody(quantity)), cancellationToken);

    public Task<StepResult> CheckoutAsync(string token, Guid holdId, string idempotencyKey, CancellationToken cancellationToken) =>
        HotAsync(RawRequest.Post($"/api/holds/{holdId}/checkout", token, idempotencyKey, EmptyObject), cancellationToken);

    public Task<StepResult> MyTicketsAsync(string token, CancellationToken cancellationToken) =>
        GetAsync("/api/me/tickets", token, cancellationToken);

    public Task<StepResult> MeAsync(string token, CancellationToken cancellationToken) =>
        GetAsync("/api/me", token, cancellationToken);

    /// <summary>A measured GET over the run's keep-alive connections.</summary>
    public Task<StepResult> GetAsync(string path, string? token, CancellationToken cancellationToken) =>
        HotAsync(RawRequest.Get(path, token), cancellationToken);

    private async Task<StepResult> HotAsync(RawRequest request, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await http.SendAsync(request, cancellationToken);
            var end = Stopwatch.GetTimestamp();
            var status = response.Status;
            return new StepResult(status, status >= 400 ? StatusFailure(status) : null, Milliseconds(start, end), end, DateTimeOffset.UtcNow,
                response.Json, response.RetryAfter);
        }
        catch (RawHttpException ex)
        {
            return Failed(start, ex.Failure);
        }
    }

    /// <summary>A setup call over HttpClient (any body); answers are read whole.</summary>
    private async Task<StepResult> SendAsync(
        HttpMethod method, string path, string? token, HttpContent? content, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            // Headers first, then the body read straight into one array (no second buffer).
            using var response = await http.Setup.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var end = Stopwatch.GetTimestamp();
            var endUtc = DateTimeOffset.UtcNow;
            var json = bytes.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
                ? bytes
                : ReadOnlyMemory<byte>.Empty;
            var status = (int)response.StatusCode;
            return new StepResult(status, status >= 400 ? StatusFailure(status) : null, Milliseconds(start, end), end, endUtc, json,
                response.Headers.RetryAfter?.Delta);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(start, "timeout");
        }
        catch (HttpRequestException ex)
        {
            return Failed(start, ex.HttpRequestError == HttpRequestError.Unknown ? ex.GetType().Name : $"HttpRequestException ({ex.HttpRequestError})");
        }
        catch (IOException ex)
        {
            return Failed(start, ex.GetType().Name);
        }
    }

    // ----- setup (not measured) -----

    public async Task<string> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var body = await SetupAsync(HttpMethod.Post, "/api/auth/login", null, new { email, password }, cancellationToken);
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Registers and signs in: the id and a token (registration answers neither, the same for new and taken e-mails).</summary>
    public async Task<(Guid Id, string Token)> RegisterAsync(string email, string password, string displayName, CancellationToken cancellationToken)
    {
        await SetupAsync(HttpMethod.Post, "/api/auth/register", null, new { email, password, displayName }, cancellationToken);
        var token = await LoginAsync(email, password, cancellationToken);
        var me = await SetupAsync(HttpMethod.Get, "/api/me", token, null, cancellationToken);
        return (me.GetProperty("id").GetGuid(), token);
    }

    public Task SetRolesAsync(string adminToken, Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        SetupAsync(HttpMethod.Put, $"/api/users/{userId}/roles", adminToken, new { roles }, cancellationToken);

    public async Task<Guid> CreateEventAsync(string token, string name, int capacity, CancellationToken cancellationToken)
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(30);
        var body = await SetupAsync(HttpMethod.Post, "/api/events", token, new
        {
            name,
            venue = "Plaza Mayor, Medellín",
            startsAt,
            endsAt = startsAt.AddHours(4),
            capacity,
            description = "Load test event",
        }, cancellationToken);
        return body.GetProperty("id").GetGuid();
    }

    public async Task<Guid> AddTicketTypeAsync(
        string token, Guid eventId, string name, int capacity, int perBuyerLimit, long price, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var body = await SetupAsync(HttpMethod.Post, $"/api/events/{eventId}/ticket-types", token, new
        {
            name,
            price,
            capacity,
            perBuyerLimit,
            salesStart = now.AddHours(-1),
            salesEnd = now.AddDays(29),
            description = "Load test tier",
        }, cancellationToken);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>draft → review → published → on_sale (publishing needs an admin).</summary>
    public async Task PutOnSaleAsync(string adminToken, Guid eventId, CancellationToken cancellationToken)
    {
        foreach (var status in new[] { "review", "published", "on_sale" })
        {
            await SetupAsync(HttpMethod.Post, $"/api/events/{eventId}/status", adminToken, new { status, reason = "load test" }, cancellationToken);
        }
    }

    /// <summary>A setup call; retried on back-pressure (bounded), thrown on refusal.</summary>
    public async Task<JsonElement> SetupAsync(HttpMethod method, string path, string? token, object? body, CancellationToken cancellationToken)
    {
        StepResult? last = null;
        for (var attempt = 0; attempt < SetupAttempts; attempt++)
        {
            last = await SendAsync(method, path, token, body is null ? null : JsonContent.Create(body), null, cancellationToken);
            if (last.IsSuccess)
            {
                return last.Body ?? default;
            }

            if (!last.IsRetryable)
            {
                break;
            }

            var pause = last.RetryAfter ?? TimeSpan.FromMilliseconds(200 * (attempt + 1));
            await Task.Delay(pause < MaxSetupPause ? pause : MaxSetupPause, cancellationToken);
        }

        throw new SetupException($"{method} {path} failed: {last!.Failure} {last.Body?.ToString()}");
    }

    private static byte[] QuantityBody(int quantity) => Encoding.UTF8.GetBytes($"{{\"quantity\":{quantity}}}");

    private static string StatusFailure(int status) => status < StatusFailures.Length ? StatusFailures[status] : $"HTTP {status}";

    private static double Milliseconds(long start, long end) => (end - start) * 1000.0 / Stopwatch.Frequency;

    private static StepResult Failed(long start, string failure)
    {
        var end = Stopwatch.GetTimestamp();
        return new StepResult(0, failure, Milliseconds(start, end), end, DateTimeOffset.UtcNow, ReadOnlyMemory<byte>.Empty, null);
    }
}
