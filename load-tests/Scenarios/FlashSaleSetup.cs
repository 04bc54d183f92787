using System.Diagnostics;
using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Hosting;

namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// Prepares a flash sale through the public API: the admin signs in, creates an organizer, the organizer creates an
/// event with one ticket type, the admin takes it review → published → on_sale, and the buyers register.
/// </summary>
public static class FlashSaleSetup
{
    private const long TicketPrice = 150_000;

    public static async Task<FlashSaleStage> RunAsync(
        TicketingClient client, LoadTarget target, FlashSaleOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var runId = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" +
                    Guid.NewGuid().ToString("N")[..6];
        var admin = await client.LoginAsync(target.AdminEmail, target.AdminPassword, cancellationToken);
        var (organizerId, organizer) = await CreateOrganizerAsync(client, admin, runId, cancellationToken);

        var eventId = await client.CreateEventAsync(organizer, $"Flash sale {runId}", options.Seats, cancellationToken);
        var ticketTypeId = await client.AddTicketTypeAsync(organizer, eventId, "General", options.Seats, options.PerBuyerLimit, TicketPrice, cancellationToken);
        await client.PutOnSaleAsync(admin, eventId, cancellationToken);
        await log.WriteLineAsync($"Event {eventId} on sale: ticket type {ticketTypeId}, {options.Seats} seats, limit {options.PerBuyerLimit} per buyer.");

        var buyers = await BuyerPool.CreateAsync(client, target, options.FastSetup, options.Users, runId, options.SetupParallelism, log, cancellationToken);
        var warmup = options.WarmupRounds > 0
            ? await WarmupAsync(client, target, options, admin, organizerId, organizer, runId + "-warmup", log, cancellationToken)
            : null;
        return new FlashSaleStage(runId, organizerId, eventId, ticketTypeId, options.Seats, options.PerBuyerLimit, buyers, clock.Elapsed, warmup);
    }

    /// <summary>The warm-up's own event and ticket type (a seat for every seat its buyers may ask for) and its own buyers.</summary>
    private static async Task<FlashSaleStage> WarmupAsync(
        TicketingClient client, LoadTarget target, FlashSaleOptions options, string admin, Guid organizerId, string organizer,
        string runId, TextWriter log, CancellationToken cancellationToken)
    {
        var count = options.WarmupRounds * options.WarmupBuyers;
        var seats = count * options.MaxQuantity;
        var eventId = await client.CreateEventAsync(organizer, $"Warm-up {runId}", seats, cancellationToken);
        var ticketTypeId = await client.AddTicketTypeAsync(organizer, eventId, "Warm-up", seats, options.PerBuyerLimit, TicketPrice, cancellationToken);
        await client.PutOnSaleAsync(admin, eventId, cancellationToken);
        var buyers = await BuyerPool.CreateAsync(client, target, options.FastSetup, count, runId, options.SetupParallelism, log, cancellationToken);
        return new FlashSaleStage(runId, organizerId, eventId, ticketTypeId, seats, options.PerBuyerLimit, buyers, TimeSpan.Zero);
    }

    public static async Task<(Guid Id, string Token)> CreateOrganizerAsync(
        TicketingClient client, string adminToken, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var email = $"organizer-{runId}@load.fashionistas.test";
        var (id, _) = await client.RegisterAsync(email, BuyerPool.Password, "Organizadora de carga", cancellationToken);
        await client.SetRolesAsync(adminToken, id, ["organizer"], cancellationToken);

        // Signed in again: the role change refuses the tokens issued before it.
        return (id, await client.LoginAsync(email, BuyerPool.Password, cancellationToken));
    }
}
