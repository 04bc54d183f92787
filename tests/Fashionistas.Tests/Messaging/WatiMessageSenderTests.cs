using System.Text.Json;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Messaging.Wati;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Integrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Messaging;

public sealed class WatiMessageSenderTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Token = "wati-token-123";
    private const string Accepted = """{ "result": true, "phone_number": "573001234567", "template_name": "ticket_confirmation", "validWhatsAppNumber": true }""";

    [Fact]
    public async Task ATemplateMessageIsPostedWithTheNumberTokenAndNamedParameters()
    {
        await using var wati = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, Accepted));
        using var services = Services(wati, tenantPath: "/123456");

        await services.GetRequiredService<IMessageSender>().SendAsync(Confirmation("+57 300 123 4567"), CancellationToken.None);

        var request = Assert.Single(wati.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/123456/api/v2/sendTemplateMessage", request.Path);
        Assert.Equal("573001234567", request.Query["whatsappNumber"]);
        Assert.Equal($"Bearer {Token}", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("ticket_confirmation", root.GetProperty("template_name").GetString());
        Assert.Equal("ticket_confirmation", root.GetProperty("broadcast_name").GetString());
        var parameters = root.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetString());
        Assert.Equal("Ana", parameters["name"]);
        Assert.Equal("Bogotá Fashion Week", parameters["event"]);
    }

    [Fact]
    public async Task ATokenPastedWithItsBearerPrefixIsSentOnce()
    {
        await using var wati = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, Accepted));
        using var services = Services(wati, token: $"Bearer {Token}");

        await services.GetRequiredService<IMessageSender>().SendAsync(Confirmation("3001234567"), CancellationToken.None);

        Assert.Equal($"Bearer {Token}", Assert.Single(wati.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task AResultFalseAnswerIsAPermanentFailure()
    {
        await using var wati = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(200, """{ "result": false, "info": "Template not found" }"""));
        using var services = Services(wati);

        var exception = await Assert.ThrowsAsync<MessageDeliveryException>(() =>
            services.GetRequiredService<IMessageSender>().SendAsync(Confirmation("3001234567"), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Contains("Template not found", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(401, false)]
    [InlineData(400, false)]
    public async Task HttpErrorsSayWhetherRetryingCanHelp(int status, bool transient)
    {
        await using var wati = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(status, "{}"));
        using var services = Services(wati);

        var exception = await Assert.ThrowsAsync<MessageDeliveryException>(() =>
            services.GetRequiredService<IMessageSender>().SendAsync(Confirmation("3001234567"), CancellationToken.None));

        Assert.Equal(transient, exception.IsTransient);
        Assert.Single(wati.Requests);
    }

    [Fact]
    public async Task AnUnreachableWatiIsATransientFailure()
    {
        var wati = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, Accepted));
        await wati.DisposeAsync();
        using var services = Services(wati);

        var exception = await Assert.ThrowsAsync<MessageDeliveryException>(() =>
            services.GetRequiredService<IMessageSender>().SendAsync(Confirmation("3001234567"), CancellationToken.None));

        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task AnInvalidNumberIsRefusedWithoutCallingWati()
    {
        await using var wati = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, Accepted));
        using var services = Services(wati);

        var exception = await Assert.ThrowsAsync<MessageDeliveryException>(() =>
            services.GetRequiredService<IMessageSender>().SendAsync(Confirmation("ana@example.com"), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Empty(wati.Requests);
    }

    [Fact]
    public async Task TheWatiSenderItselfRefusesEmail()
    {
        await using var wati = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, Accepted));
        using var services = Services(wati);

        var exception = await Assert.ThrowsAsync<MessageDeliveryException>(() =>
            services.GetRequiredService<WatiMessageSender>().SendAsync(
                Confirmation("ana@example.com") with { Channel = MessageChannel.Email }, CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Empty(wati.Requests);
    }

    private static OutgoingMessage Confirmation(string recipient) => SampleMessages.Confirmation(MessageChannel.WhatsApp, recipient);

    private ServiceProvider Services(ScriptedHttpServer wati, string token = Token, string tenantPath = "")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Messaging:Wati:BaseUrl"] = wati.BaseAddress.ToString().TrimEnd('/') + tenantPath,
                ["Messaging:Wati:ApiToken"] = token,
            })
            .Build();

        // WhatsApp goes to WATI; the database only journals what was sent.
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(database.DataSource)
            .AddMessaging(configuration)
            .BuildServiceProvider(validateScopes: true);
    }
}
