using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Checkout;

public static class CheckoutServiceCollectionExtensions
{
    /// <summary>
    /// Registers checkout, cancellations, refunds (also of cancelled events), transfers, attendee names and the Stripe webhook
    /// handler, and the sweep that expires Stripe's hosted payment pages whose hold ended. Stores are singletons; the
    /// services that use <c>IPaymentProvider</c> are transient like it (typed HTTP clients rotate their handlers).
    /// Needs AddPayments, AddTickets, AddInventory, the grain runtime and an <c>NpgsqlDataSource</c>.
    /// </summary>
    public static IServiceCollection AddCheckout(this IServiceCollection services)
    {
        services.TryAddSingleton<OrderStore>();
        services.TryAddSingleton<HoldGroupStore>();
        services.TryAddTransient<MultiTierHolds>();
        services.TryAddTransient<GroupCompletion>();
        services.TryAddTransient<GroupCheckoutService>();
        services.TryAddSingleton<EventOrders>();
        services.TryAddSingleton<GuestList>();
        services.TryAddSingleton<WebhookEvents>();
        services.TryAddSingleton<IdempotentAnswers>();
        services.TryAddTransient<PaymentCompletion>();
        services.TryAddTransient<CheckoutService>();
        services.TryAddTransient<RefundService>();
        services.TryAddTransient<OrderCancellation>();
        services.TryAddTransient<TransferService>();
        services.TryAddSingleton<AttendeeNaming>();
        services.TryAddTransient<StripeWebhookHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, EventCancellationOutboxHandler>());
        services.TryAddSingleton<CheckoutSessionSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<CheckoutSessionSweep>());
        return services;
    }
}
