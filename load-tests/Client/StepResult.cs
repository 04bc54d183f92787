using System.Text.Json;

namespace Fashionistas.LoadTests.Client;

/// <summary>
/// One HTTP request of a scenario as the client saw it: status (0 when no response came), what went wrong if
/// anything, how long it took, when it ended (wall clock, comparable with server timestamps on this machine),
/// the JSON body (parsed on first use: most answers are only counted) and a Retry-After.
/// </summary>
public sealed record StepResult(
    int Status,
    string? Failure,
    double LatencyMs,
    long EndTimestamp,
    DateTimeOffset EndUtc,
    ReadOnlyMemory<byte> Json,
    TimeSpan? RetryAfter)
{
    private JsonElement? _body;
    private bool _parsed;

    /// <summary>The JSON answer, or null when there was none or it was not JSON.</summary>
    public JsonElement? Body
    {
        get
        {
            if (!_parsed)
            {
                _body = Parse(Json);
                _parsed = true;
            }

            return _body;
        }
    }

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Back-pressure the client should retry after a pause (429, 503) or a lost response (timeout).</summary>
    public bool IsRetryable => Status is 429 or 503 or 502 or 504 || Failure is "timeout";

    public string? Text(string property) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public int? Int(string property) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : null;

    public Guid? Id(string property) => Guid.TryParse(Text(property), out var id) ? id : null;

    private static JsonElement? Parse(ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        try
        {
            // Deserialising to a JsonElement keeps its own copy, so nothing rented has to be returned.
            return JsonSerializer.Deserialize<JsonElement>(json.Span);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
