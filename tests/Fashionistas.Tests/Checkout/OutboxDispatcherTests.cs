using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Messaging.Documents;
using Fashionistas.Silo.Outbox;
using Fashionistas.Silo.Tickets;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Checkout;

/// <summary>The outbox dispatcher on real PostgreSQL with a hand-driven clock and a scripted sender.</summary>
public sealed class OutboxDispatcherTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(10);
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero));
    private readonly FlakySender sender = new();

    [Fact]
    public async Task AConfirmationIsRenderedInSpanishForTheBuyerAndMarkedProcessed()
    {
        var orderId = await SeedPaidOrderAsync();
        var outboxId = await EnqueueAsync(OutboxKinds.TicketConfirmation, orderId);

        Assert.Equal(1, await Dispatcher().DispatchDueAsync(CancellationToken.None));

        // A phone number alone is no consent: without the WhatsApp opt-in the buyer hears by e-mail only.
        var message = Assert.Single(sender.Sent);
        Assert.Equal(MessageChannel.Email, message.Channel);
        Assert.StartsWith("valentina-", message.Recipient, StringComparison.Ordinal);
        Assert.Equal(MessageTemplates.TicketConfirmation, message.TemplateName);
        Assert.Equal("Valentina", message.Parameters["name"]);
        Assert.Equal("2", message.Parameters["quantity"]);
        Assert.Equal("20/03/2026 19:00", message.Parameters["date"]);
        Assert.True(MessageTemplates.TryRender(message.TemplateName, message.Parameters, out _));
        Assert.NotNull(await ScalarAsync<DateTime?>("SELECT processed_at FROM outbox WHERE id = $1", outboxId));
    }

    [Fact]
    public async Task ABuyerWhoOptedInHearsByEmailAndWhatsAppInTheirLanguage()
    {
        var orderId = await SeedPaidOrderAsync();
        await ScalarAsync<int>(
            "UPDATE users SET whatsapp_opt_in = true, language = 'en' WHERE id = (SELECT buyer_id FROM orders WHERE id = $1) RETURNING 1", orderId);
        await EnqueueAsync(OutboxKinds.TicketConfirmation, orderId);

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        Assert.Equal([MessageChannel.Email, MessageChannel.WhatsApp], sender.Sent.Select(m => m.Channel));
        Assert.Equal("en", sender.Sent[0].Language);
        Assert.Equal("+573001234567", sender.Sent[1].Recipient);
        Assert.True(MessageTemplates.TryRender(sender.Sent[0].TemplateName, sender.Sent[0].Parameters, "en", out var text));
        Assert.StartsWith("Hi Valentina! Your tickets for Bogotá Fashion Week", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedDeliveryIsRetriedWithExponentialBackoffUntilItGoesThrough()
    {
        var outboxId = await EnqueueAsync(OutboxKinds.TicketConfirmation, await SeedPaidOrderAsync());
        var dispatcher = Dispatcher();
        sender.FailNext(transient: true);
        sender.FailNext(transient: true);

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(clock.GetUtcNow() + BaseDelay, await NextAttemptAsync(outboxId));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        clock.Advance(BaseDelay);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(clock.GetUtcNow() + (2 * BaseDelay), await NextAttemptAsync(outboxId));
        Assert.Contains("WATI is down", await ScalarAsync<string>("SELECT last_error FROM outbox WHERE id = $1", outboxId));

        clock.Advance(2 * BaseDelay);
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(sender.Sent);
        Assert.Equal(3, await ScalarAsync<int>("SELECT attempts FROM outbox WHERE id = $1", outboxId));
        Assert.NotNull(await ScalarAsync<DateTime?>("SELECT processed_at FROM outbox WHERE id = $1", outboxId));
    }

    [Fact]
    public async Task AMessageTheServiceRefusesIsParkedNotRetried()
    {
        var outboxId = await EnqueueAsync(OutboxKinds.RefundIssued, await SeedPaidOrderAsync());
        sender.FailNext(transient: false);

        await Dispatcher().DispatchDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(365));

        Assert.Equal(0, await Dispatcher().DispatchDueAsync(CancellationToken.None));
        Assert.Empty(sender.Sent);
        Assert.Null(await ScalarAsync<DateTime?>("SELECT processed_at FROM outbox WHERE id = $1", outboxId));
        Assert.True(await ScalarAsync<bool>("SELECT next_attempt_at = 'infinity' FROM outbox WHERE id = $1", outboxId));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(30, 900)]
    [InlineData(int.MaxValue, 900)]
    public void BackoffDoublesPerFailureUpToTheCap(int failures, int expectedSeconds) =>
        Assert.Equal(
            TimeSpan.FromSeconds(expectedSeconds),
            OutboxBackoff.After(failures, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15)));

    private OutboxDispatcher Dispatcher()
    {
        var services = new ServiceCollection()
            .AddSingleton<IMessageSender>(sender)
            .AddSingleton(new OutboxMessageComposer(
                database.DataSource, new OrderAttachments(new TicketQrRenderer(Options.Create(new TicketQrOptions())), Options.Create(new MessagingOptions()))))
            .AddTransient<IOutboxHandler, MessageOutboxHandler>()
            .BuildServiceProvider();
        var options = Options.Create(new OutboxOptions { RetryBaseDelay = BaseDelay, RetryMaxDelay = TimeSpan.FromHours(1), MaxAttempts = 5 });
        return new OutboxDispatcher(
            new OutboxStore(database.DataSource), services, options, clock,
            NullLogger<OutboxDispatcher>.Instance);
    }

    private async Task<long> EnqueueAsync(string kind, Guid orderId) =>
        await ScalarAsync<long>(
            "INSERT INTO outbox (kind, payload, next_attempt_at) VALUES ($1, jsonb_build_object('orderId', $2::uuid), $3) RETURNING id",
            kind, orderId, clock.GetUtcNow());

    private async Task<DateTimeOffset> NextAttemptAsync(long outboxId) =>
        new(await ScalarAsync<DateTime>("SELECT next_attempt_at FROM outbox WHERE id = $1", outboxId), TimeSpan.Zero);

    /// <summary>The rows a paid order hangs off: buyer (with a phone), organizer, event at 19:00 Bogotá, type, hold, order.</summary>
    private async Task<Guid> SeedPaidOrderAsync()
    {
        var (buyer, organizer, eventId, ticketType, hold, order) =
            (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using var command = database.DataSource.CreateCommand($"""
            INSERT INTO users (id, email, password_hash, display_name, phone) VALUES
                ('{buyer}', 'valentina-{buyer:N}@example.com', 'x', 'Valentina', '+573001234567'),
                ('{organizer}', 'org-{organizer:N}@example.com', 'x', 'Organizer', NULL);
            INSERT INTO events (id, organizer_id, name, venue, starts_at, ends_at, capacity, status)
                VALUES ('{eventId}', '{organizer}', 'Bogotá Fashion Week', 'Ágora', '2026-03-21T00:00:00Z', '2026-03-21T03:00:00Z', 10, 'on_sale');
            INSERT INTO ticket_types (id, event_id, name, price, capacity, sold) VALUES ('{ticketType}', '{eventId}', 'General', 100000, 10, 2);
            INSERT INTO holds (id, ticket_type_id, event_id, buyer_id, quantity, unit_price, total, status, expires_at)
                VALUES ('{hold}', '{ticketType}', '{eventId}', '{buyer}', 2, 100000, 200000, 'converted', '2026-03-14T23:40:00Z');
            INSERT INTO orders (id, hold_id, buyer_id, event_id, ticket_type_id, quantity, unit_price, total, status, payment_provider, refunded_amount)
                VALUES ('{order}', '{hold}', '{buyer}', '{eventId}', '{ticketType}', 2, 100000, 200000, 'paid', 'test', 0);
            """);
        await command.ExecuteNonQueryAsync();
        return order;
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
