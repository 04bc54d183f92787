using System.Text.Json;
using Fashionistas.Silo.Messaging;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fashionistas.Tests.Messaging;

public sealed class MessageLogSenderTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task AMessageIsWrittenToTheLogTableWithItsRenderedSpanishText()
    {
        var sender = new MessageLogSender(new MessageJournal(database.DataSource), NullLogger<MessageLogSender>.Instance);
        var recipient = $"+57300{Random.Shared.Next(1_000_000, 9_999_999)}";

        await sender.SendAsync(SampleMessages.Confirmation(MessageChannel.WhatsApp, recipient), CancellationToken.None);

        var (channel, template, payload) = await ReadLogAsync(recipient);
        Assert.Equal("whatsapp", channel);
        Assert.Equal(MessageTemplates.TicketConfirmation, template);
        using var json = JsonDocument.Parse(payload);
        Assert.Equal("es", json.RootElement.GetProperty("language").GetString());
        Assert.Equal("Ana", json.RootElement.GetProperty("parameters").GetProperty("name").GetString());
        Assert.StartsWith("¡Hola Ana! Tus boletas para Bogotá Fashion Week", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutWatiTheRegisteredSenderLogsWhatsAppAndEmail()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(database.DataSource)
            .AddMessaging(new ConfigurationBuilder().Build())
            .BuildServiceProvider(validateScopes: true);
        var sender = services.GetRequiredService<IMessageSender>();
        var phone = $"+57301{Random.Shared.Next(1_000_000, 9_999_999)}";
        var email = $"ana.{Guid.NewGuid():N}@example.com";

        await sender.SendAsync(SampleMessages.Confirmation(MessageChannel.WhatsApp, phone), CancellationToken.None);
        await sender.SendAsync(SampleMessages.Confirmation(MessageChannel.Email, email), CancellationToken.None);

        Assert.Equal("whatsapp", (await ReadLogAsync(phone)).Channel);
        Assert.Equal("email", (await ReadLogAsync(email)).Channel);
    }

    [Fact]
    public async Task AMessageWithMissingValuesIsLoggedWithoutText()
    {
        var sender = new MessageLogSender(new MessageJournal(database.DataSource), NullLogger<MessageLogSender>.Instance);
        var recipient = $"bad.{Guid.NewGuid():N}@example.com";

        await sender.SendAsync(
            new OutgoingMessage(MessageChannel.Email, recipient, MessageTemplates.TicketConfirmation, new Dictionary<string, string>()),
            CancellationToken.None);

        using var json = JsonDocument.Parse((await ReadLogAsync(recipient)).Payload);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("text").ValueKind);
    }

    [Fact]
    public async Task AnUnreachableDatabaseIsATransientDeliveryFailure()
    {
        var closed = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 2 };
        await using var unreachable = NpgsqlDataSource.Create(closed.ConnectionString);
        var sender = new MessageLogSender(new MessageJournal(unreachable), NullLogger<MessageLogSender>.Instance);

        var exception = await Assert.ThrowsAsync<MessageDeliveryException>(() =>
            sender.SendAsync(SampleMessages.Confirmation(MessageChannel.Email, "ana@example.com"), CancellationToken.None));

        Assert.True(exception.IsTransient);
    }

    private async Task<(string Channel, string Template, string Payload)> ReadLogAsync(string recipient)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT channel, template, payload::text FROM message_log WHERE recipient = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = recipient });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no message_log row for {recipient}");
        var row = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        Assert.False(await reader.ReadAsync(), $"more than one message_log row for {recipient}");
        return row;
    }
}
