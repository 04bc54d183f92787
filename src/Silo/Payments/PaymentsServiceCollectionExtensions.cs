using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Payments.Stripe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPaymentProvider"/> (Stripe when <c>Payments:Stripe:SecretKey</c> is set or
    /// <c>Payments:Provider</c> says "stripe", else <see cref="TestPaymentProvider"/>) and
    /// <see cref="StripeWebhookVerifier"/> (both on Stripe.net), with <see cref="PaymentOptions"/> bound from section
    /// <c>Payments</c> and validated on start.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<PaymentOptions, PaymentOptionsValidator>(configuration.GetSection(PaymentOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PaymentOptions>, PaymentOptionsSetup>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<StripeWebhookVerifier>();
        services.TryAddSingleton<TestPaymentProvider>();
        services.AddHttpClient(StripeClients.HttpClientName);
        services.TryAddSingleton<StripeClients>();
        services.TryAddSingleton<StripeCheckoutSessions>();
        services.TryAddSingleton<StripePaymentProvider>();

        // Transient, as it was while Stripe had a typed HttpClient: the services that use it stay transient.
        services.TryAddTransient<IPaymentProvider>(provider =>
            provider.GetRequiredService<IOptions<PaymentOptions>>().Value.Provider == PaymentProviderNames.Stripe
                ? provider.GetRequiredService<StripePaymentProvider>()
                : provider.GetRequiredService<TestPaymentProvider>());
        return services;
    }
}
