using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Crm;

/// <summary>
/// Twenty CRM's REST API: <c>POST {BaseUrl}/rest/{objects}</c> creates a record, <c>PATCH {BaseUrl}/rest/{objects}/{id}</c>
/// updates one, both with <c>Authorization: Bearer {ApiKey}</c>; answers look like <c>{"data":{"createCompany":{"id":...}}}</c>.
/// Network failures, 408, 429 and 5xx are transient (the outbox retries); any other refusal is permanent.
/// </summary>
public sealed class TwentyClient(HttpClient http, IOptions<TwentyOptions> options)
{
    /// <summary>Updates record <paramref name="id"/> of <paramref name="objects"/> (e.g. <c>companies</c>), or creates one when there is no id or Twenty no longer has it; returns its id.</summary>
    public async Task<string> SaveAsync(string objects, string? id, JsonObject body, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            using var update = await SendAsync(HttpMethod.Patch, $"rest/{objects}/{Uri.EscapeDataString(id)}", body, cancellationToken);
            if (update.StatusCode != HttpStatusCode.NotFound)
            {
                return await IdOfAsync(update, objects, cancellationToken) ?? id;
            }
        }

        using var create = await SendAsync(HttpMethod.Post, $"rest/{objects}", body, cancellationToken);
        return await IdOfAsync(create, objects, cancellationToken)
            ?? throw new OutboxPermanentFailureException($"Twenty created a record in {objects} but returned no id.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUrl = settings.BaseUrl!.TrimEnd('/') + "/";
        using var request = new HttpRequestMessage(method, new Uri(new Uri(baseUrl), path))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<string?> IdOfAsync(HttpResponseMessage response, string objects, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            var message = $"Twenty answered {status} on {objects}: {Shorten(detail)}";
            if (status is 408 or 429 or >= 500)
            {
                throw new HttpRequestException(message, null, response.StatusCode);
            }

            throw new OutboxPermanentFailureException(message);
        }

        try
        {
            var root = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
            return FindId(root?["data"]) ?? FindId(root);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The id of <c>{"id": ...}</c> or of the first record inside <c>{"createCompany": {"id": ...}}</c>.</summary>
    private static string? FindId(JsonNode? node)
    {
        if (node is not JsonObject record)
        {
            return null;
        }

        if (record["id"] is JsonValue value && value.TryGetValue<string>(out var id))
        {
            return id;
        }

        return record.Select(property => property.Value is JsonObject inner && inner["id"] is JsonValue v && v.TryGetValue<string>(out var nested)
                ? nested
                : null)
            .FirstOrDefault(found => found is not null);
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];
}
