using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Fashionistas.Tests.Messaging;

/// <summary>WATI's delivery-status webhook: authenticated by an HMAC of the body, moving the journalled message forward.</summary>
public sealed class WatiWebhookTests(WatiWebhookApiFactory api) : IClassFixture<WatiWebhookApiFactory>
{
    [Fact]
    public async Task SignedStatusUpdatesMoveTheMessageForwardAndNeverBack()
    {
        var id = await JournalSentWhatsAppAsync();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Event(id, "sentMessageDELIVERED_v2", "Delivered"), sign: true));
        Assert.Equal("delivered", await StatusAsync(id));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Event(id, "sentMessageREAD_v2", "Read"), sign: true));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Event(id, "sentMessageDELIVERED_v2", "Delivered"), sign: true));
        Assert.Equal("read", await StatusAsync(id));
    }

    [Fact]
    public async Task AReplayedStatusWebhookWithABadSignatureIsRefused()
    {
        var id = await JournalSentWhatsAppAsync();
        var body = Event(id, "templateMessageFailed_v2", "Failed");

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, sign: false, signature: "sha256=" + new string('0', 64)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, sign: false, signature: "not-hex"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, sign: false));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, sign: false, urlSecret: "guessed"));
        // A signature of another body (a captured call replayed with new content) does not carry over.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(body, sign: false, signature: Sign(Event(id, "sentMessageREAD_v2", "Read"))));
        Assert.Equal("sent", await StatusAsync(id));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(body, sign: false, urlSecret: WatiWebhookApiFactory.Secret));
        Assert.Equal("failed", await StatusAsync(id));
    }

    private static string Event(string localMessageId, string eventType, string status) =>
        $$"""{"eventType":"{{eventType}}","statusString":"{{status}}","localMessageId":"{{localMessageId}}","id":"640c8fd48b67615f886237b8","waId":"573001234567"}""";

    private static string Sign(string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WatiWebhookApiFactory.Secret), Encoding.UTF8.GetBytes(body)));

    private async Task<HttpStatusCode> PostAsync(string body, bool sign, string? signature = null, string? urlSecret = null)
    {
        using var client = api.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/api/webhooks/wati" + (urlSecret is null ? string.Empty : "?secret=" + Uri.EscapeDataString(urlSecret)))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (sign || signature is not null)
        {
            request.Headers.Add("X-Wati-Signature", signature ?? Sign(body));
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> JournalSentWhatsAppAsync()
    {
        var id = Guid.NewGuid().ToString();
        await using var command = api.Database.DataSource.CreateCommand(
            "INSERT INTO message_log (channel, recipient, template, payload, status, provider_message_id) VALUES ('whatsapp', '+573001234567', 'ticket_confirmation', '{}', 'sent', $1)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<string?> StatusAsync(string id)
    {
        await using var command = api.Database.DataSource.CreateCommand("SELECT status FROM message_log WHERE provider_message_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        return (string?)await command.ExecuteScalarAsync();
    }
}
