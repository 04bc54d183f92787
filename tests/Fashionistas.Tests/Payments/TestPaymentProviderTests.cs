using Fashionistas.Silo.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Payments;

public sealed class TestPaymentProviderTests
{
    [Fact]
    public async Task WithoutAStripeKeyTheTestProviderIsUsedAndSucceedsAtOnce()
    {
        using var services = Services([]);
        var provider = services.GetRequiredService<IPaymentProvider>();

        var start = await provider.StartAsync(Request("ana@example.com", "key-1"), CancellationToken.None);

        Assert.IsType<TestPaymentProvider>(provider);
        Assert.Equal(PaymentProviderNames.Test, provider.Name);
        Assert.Equal(PaymentStartStatus.Succeeded, start.Status);
        Assert.StartsWith("test_pi_", start.ProviderReference, StringComparison.Ordinal);
        Assert.True(Guid.TryParseExact(start.ProviderReference!["test_pi_".Length..], "N", out _));
    }

    [Fact]
    public async Task TheSameIdempotencyKeyGetsTheSameReference()
    {
        using var services = Services([]);
        var provider = services.GetRequiredService<IPaymentProvider>();

        var first = await provider.StartAsync(Request("ana@example.com", "key-1"), CancellationToken.None);
        var retried = await provider.StartAsync(Request("ana@example.com", "key-1"), CancellationToken.None);
        var other = await provider.StartAsync(Request("ana@example.com", "key-2"), CancellationToken.None);

        Assert.Equal(first, retried);
        Assert.NotEqual(first.ProviderReference, other.ProviderReference);
    }

    [Fact]
    public async Task ABuyerEmailWithPlusDeclineIsDeclined()
    {
        using var services = Services([]);

        var start = await services.GetRequiredService<IPaymentProvider>()
            .StartAsync(Request("Ana+Decline@example.com", "key-3"), CancellationToken.None);

        Assert.Equal(PaymentStartStatus.Declined, start.Status);
        Assert.Equal(TestPaymentProvider.DeclineReason, start.DeclineReason);
    }

    [Fact]
    public async Task DeclineAllDeclinesEveryPayment()
    {
        using var services = Services(new() { ["Payments:Test:DeclineAll"] = "true" });

        var start = await services.GetRequiredService<IPaymentProvider>()
            .StartAsync(Request("ana@example.com", "key-4"), CancellationToken.None);

        Assert.Equal(PaymentStartStatus.Declined, start.Status);
    }

    [Fact]
    public async Task RefundsSucceed()
    {
        using var services = Services([]);

        var refund = await services.GetRequiredService<IPaymentProvider>()
            .RefundAsync("test_pi_abc", 50_000, "refund-1", CancellationToken.None);

        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        Assert.StartsWith("test_re_", refund.RefundReference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonPositiveAmountIsABug()
    {
        using var services = Services([]);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => services.GetRequiredService<IPaymentProvider>()
            .StartAsync(Request("ana@example.com", "key-5") with { AmountCop = 0 }, CancellationToken.None));
    }

    private static PaymentRequest Request(string email, string key) =>
        new(Guid.NewGuid(), 80_000, "1 boleta VIP", email, key);

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddPayments(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(validateScopes: true);
}
