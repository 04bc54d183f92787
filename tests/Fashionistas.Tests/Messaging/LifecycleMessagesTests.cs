using System.Net;
using System.Net.Http.Json;
using Fashionistas.Silo.Outbox;
using Fashionistas.Tests.Accounts;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Messaging;

/// <summary>Transfers and the day-before reminder each reach the people concerned, once.</summary>
public sealed class LifecycleMessagesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AccountCalls calls = new(api);

    [Fact]
    public async Task ATransferTellsTheRecipientTheirNewCodeAndTheGiverTheOldOneIsVoid()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var giver = await api.CreateUserAsync(name: "Valentina");
        var recipient = await api.CreateUserAsync(name: "Camila");
        var sale = await api.CreateOnSaleEventAsync(organizer);
        var (_, codes) = await new CheckoutDriver(api).BuyAsync(giver, sale.TicketTypeIds[0], 1);

        using var client = api.Client(giver.Token);
        using var transferred = await client.PostAsJsonAsync($"/api/tickets/{codes[0]}/transfer", new { email = recipient.Email });
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);

        var received = Assert.Single(await TextsAsync(recipient.Email, "ticket_received"));
        Assert.Contains("Valentina te transfirió una boleta para Desfile de prueba", received, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], received, StringComparison.Ordinal);
        var given = Assert.Single(await TextsAsync(giver.Email, "ticket_transferred"));
        Assert.Contains("a Camila", given, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDayBeforeReminderIsQueuedOncePerTicketHolder()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var buyer = await api.CreateUserAsync(name: "Mariana");
        var sale = await api.CreateOnSaleEventAsync(organizer);
        await new CheckoutDriver(api).BuyAsync(buyer, sale.TicketTypeIds[0], 2);
        await calls.CountAsync(
            "WITH moved AS (UPDATE events SET starts_at = now() + interval '23 hours', ends_at = now() + interval '26 hours' WHERE id = $1 RETURNING 1) SELECT count(*) FROM moved",
            sale.Id);
        var scheduler = api.Services.GetRequiredService<EventReminderScheduler>();

        await scheduler.QueueDueAsync(CancellationToken.None);
        await scheduler.QueueDueAsync(CancellationToken.None);

        Assert.Equal(1, await calls.CountAsync(
            "SELECT count(*) FROM outbox WHERE kind = 'event_reminder' AND payload->>'eventId' = $1::text", sale.Id));
        var reminder = Assert.Single(await TextsAsync(buyer.Email, "event_reminder"));
        Assert.Contains("Te recordamos que Desfile de prueba", reminder, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> TextsAsync(string email, string template)
    {
        var texts = new List<string>();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            texts = [];
            await using var command = api.Database.DataSource.CreateCommand(
                "SELECT payload->>'text' FROM message_log WHERE recipient = $1 AND template = $2 ORDER BY id");
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = email });
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = template });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                texts.Add(reader.GetString(0));
            }

            return texts.Count > 0;
        }, TimeSpan.FromSeconds(30)), $"no {template} message reached {email}");
        return texts;
    }
}
