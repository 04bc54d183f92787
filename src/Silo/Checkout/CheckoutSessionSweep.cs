using Fashionistas.Silo.Payments;
using Fashionistas.Silo.Payments.Stripe;
using Fashionistas.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Stripe keeps a hosted payment page open at least 30 minutes, a hold may end sooner (10 minutes by default, or the
/// buyer releases it): every <see cref="StripeOptions.SessionExpirySweepInterval"/> the orders still awaiting payment
/// on a page whose hold has ended are cancelled through <see cref="OrderCancellation"/>, which expires the session at
/// Stripe first. A page that completed meanwhile refuses, and its payment settles by the late-payment rule. The query
/// reads the database, so it survives restarts and any node may run it (cancelling twice is harmless).
/// </summary>
public sealed class CheckoutSessionSweep(
    NpgsqlDataSource dataSource,
    IServiceProvider services,
    IOptions<PaymentOptions> options,
    TimeProvider time,
    ILogger<CheckoutSessionSweep> logger) : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>One round: cancels the orders whose session outlived its hold; returns how many were looked at.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var ended = await EndedAsync(time.GetUtcNow(), cancellationToken);
        if (ended.Count == 0)
        {
            return 0;
        }

        var cancellation = services.GetRequiredService<OrderCancellation>();
        foreach (var orderId in ended)
        {
            var outcome = await cancellation.CancelAsync(orderId, actorId: null, cancellationToken);
            logger.LogInformation("Hosted payment of order {OrderId} outlived its hold: {Outcome}", orderId, outcome);
        }

        return ended.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != PaymentProviderNames.Stripe)
        {
            return;
        }

        var interval = options.Value.Stripe.SessionExpirySweepInterval;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a database or Stripe outage; the next tick tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogWarning(exception, "Checkout session sweep failed; retrying in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<List<Guid>> EndedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Orders of a page whose session was paid name its payment intent (pi_), so they are not picked up here.
        await using var command = dataSource.CreateCommand("""
            SELECT o.id FROM orders o JOIN holds h ON h.id = o.hold_id
            WHERE o.payment_provider = 'stripe' AND o.status IN ('pending_payment', 'failed')
              AND o.payment_reference LIKE 'cs\_%' AND (h.status <> 'active' OR h.expires_at <= $1)
            ORDER BY h.expires_at
            LIMIT $2
            """);
        command.Parameters.AddRange(new[] { Db.Time(now), Db.Value(BatchSize) });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
