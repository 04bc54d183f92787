using Fashionistas.Silo.Payments;
using Fashionistas.Silo.Payments.Stripe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Payments;

public sealed class PaymentOptionsTests
{
    [Fact]
    public void ASecretKeySelectsStripeAutomatically()
    {
        using var services = Services(new() { ["Payments:Stripe:SecretKey"] = "sk_test_x" });

        Assert.Equal(PaymentProviderNames.Stripe, Options(services).Provider);
        Assert.IsType<StripePaymentProvider>(services.GetRequiredService<IPaymentProvider>());
    }

    [Fact]
    public void AnExplicitTestProviderWinsOverASecretKey()
    {
        using var services = Services(new() { ["Payments:Provider"] = "Test", ["Payments:Stripe:SecretKey"] = "sk_test_x" });

        Assert.IsType<TestPaymentProvider>(services.GetRequiredService<IPaymentProvider>());
    }

    [Fact]
    public void DefaultsAreDocumentedValues()
    {
        using var services = Services([]);
        var options = Options(services);

        Assert.Equal(PaymentProviderNames.Test, options.Provider);
        Assert.Equal("https://api.stripe.com", options.Stripe.BaseUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Stripe.WebhookTolerance);
        Assert.Equal(3, options.Stripe.MaxRetries);
        Assert.False(options.Test.DeclineAll);
    }

    [Theory]
    [InlineData("Payments:Provider", "paypal")]
    [InlineData("Payments:Stripe:BaseUrl", "not a url")]
    [InlineData("Payments:Stripe:WebhookTolerance", "00:00:00")]
    [InlineData("Payments:Stripe:MaxRetries", "50")]
    [InlineData("Payments:Stripe:CheckoutMode", "embedded")]
    [InlineData("Payments:Stripe:SiteUrl", "tickets.example.com")]
    [InlineData("Payments:Stripe:SessionExpirySweepInterval", "00:00:00")]
    public void InvalidSettingsFailValidation(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => Options(services));
    }

    [Fact]
    public void StripeWithoutASecretKeyFailsValidation()
    {
        using var services = Services(new() { ["Payments:Provider"] = "stripe" });

        var exception = Assert.Throws<OptionsValidationException>(() => Options(services));
        Assert.Contains("SecretKey", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PesosBecomeStripeCentavosAndBack()
    {
        Assert.Equal(15_000_000, StripeAmounts.ToStripeAmount(150_000));
        Assert.Equal(150_000, StripeAmounts.ToPesos(15_000_000));
        Assert.Throws<OverflowException>(() => StripeAmounts.ToStripeAmount(long.MaxValue / 10));
    }

    private static PaymentOptions Options(ServiceProvider services) =>
        services.GetRequiredService<IOptions<PaymentOptions>>().Value;

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddPayments(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(validateScopes: true);
}
