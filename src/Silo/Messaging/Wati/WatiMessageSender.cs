using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Messaging.Wati;

/// <summary>
/// WhatsApp template messages through WATI's REST API:
/// <c>POST {BaseUrl}/api/v2/sendTemplateMessage?whatsappNumber=573001234567</c> with a bearer token and
/// body <c>{"template_name","broadcast_name","parameters":[{"name","value"}]}</c>. No retries here:
/// the outbox retries transient failures with backoff. The answer's <c>receivers[0].localMessageId</c> is journalled
/// with the message, so WATI's status webhooks (sent, delivered, read, failed) can update it.
/// </summary>
public sealed class WatiMessageSender(
    HttpClient http, IOptions<MessagingOptions> options, MessageJournal journal, ILogger<WatiMessageSender> logger) : IMessageSender
{
    private const string SendTemplatePath = "/api/v2/sendTemplateMessage";
    private const string BearerPrefix = "Bearer ";
    private const int RequestTimeoutStatus = 408;
    private const int TooManyRequestsStatus = 429;
    private const int FirstServerErrorStatus = 500;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var wati = options.Value.Wati;
        if (message.Channel != MessageChannel.WhatsApp)
        {
            throw new MessageDeliveryException($"WATI sends WhatsApp messages only, not {message.Channel}.", isTransient: false);
        }

        if (!wati.IsConfigured)
        {
            throw new MessageDeliveryException("Messaging:Wati:BaseUrl and ApiToken are not configured.", isTransient: false);
        }

        if (!WhatsAppNumbers.TryNormalize(message.Recipient, wati.DefaultCountryCode, out var number))
        {
            throw new MessageDeliveryException($"'{message.Recipient}' is not a WhatsApp number.", isTransient: false);
        }

        if (await journal.WasSentAsync(message.DedupeKey, cancellationToken))
        {
            return;
        }

        var uri = new Uri(
            wati.BaseUrl!.TrimEnd('/') + SendTemplatePath + "?whatsappNumber=" + Uri.EscapeDataString(number));
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(BuildBody(message, wati).ToJsonString(), Encoding.UTF8, "application/json"),
        };

        // WATI's dashboard shows the token with its "Bearer " prefix; accept it pasted either way.
        var token = wati.ApiToken!.Trim();
        if (token.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            token = token[BearerPrefix.Length..].Trim();
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MessageDeliveryException("WATI could not be reached.", isTransient: true, exception);
        }

        string? localMessageId;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var transient = status is RequestTimeoutStatus or TooManyRequestsStatus or >= FirstServerErrorStatus;
                logger.LogWarning(
                    "WATI refused {Template} for {WhatsAppNumber}: HTTP {StatusCode}", message.TemplateName, number, status);
                throw new MessageDeliveryException($"WATI answered HTTP {status}.", transient);
            }

            // WATI can answer 200 with {"result": false, "info": "..."} (unknown template, invalid number).
            if (ReadRejection(body) is { } info)
            {
                logger.LogWarning(
                    "WATI rejected {Template} for {WhatsAppNumber}: {Info}", message.TemplateName, number, info);
                throw new MessageDeliveryException($"WATI rejected the message: {info}", isTransient: false);
            }

            localMessageId = ReadLocalMessageId(body);
        }

        await journal.RecordAsync(message, MessageStatuses.Sent, localMessageId, cancellationToken);

        logger.LogInformation("Sent WhatsApp {Template} to {WhatsAppNumber} via WATI", message.TemplateName, number);
    }

    private static JsonObject BuildBody(OutgoingMessage message, WatiOptions wati)
    {
        var parameters = new JsonArray();
        foreach (var (name, value) in message.Parameters)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["value"] = value });
        }

        return new JsonObject
        {
            ["template_name"] = message.TemplateName,
            ["broadcast_name"] = string.IsNullOrWhiteSpace(wati.BroadcastName) ? message.TemplateName : wati.BroadcastName,
            ["parameters"] = parameters,
        };
    }

    private static string? ReadLocalMessageId(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("receivers", out var receivers)
                && receivers.ValueKind == JsonValueKind.Array
                && receivers.GetArrayLength() > 0
                && receivers[0].ValueKind == JsonValueKind.Object
                && receivers[0].TryGetProperty("localMessageId", out var id)
                && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadRejection(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("result", out var result)
                && result.ValueKind == JsonValueKind.False)
            {
                return root.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.String
                    ? info.GetString()
                    : "result false";
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
