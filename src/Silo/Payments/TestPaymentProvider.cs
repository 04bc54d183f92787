using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Payments;

/// <summary>
/// The built-in provider used when no Stripe key is configured: no network, instant answers.
/// It succeeds unless <see cref="TestPaymentOptions.DeclineAll"/> is set or the buyer e-mail contains
/// <see cref="TestPaymentOptions.DeclineEmailMarker"/> (default "+decline"); refunds always succeed.
/// References are derived from the idempotency key (<c>test_pi_&lt;guid&gt;</c>), so a retried call
/// gets the same reference without the provider keeping any state.
/// </summary>
public sealed class TestPaymentProvider(IOptions<PaymentOptions> options, ILogger<TestPaymentProvider> logger)
    : IPaymentProvider
{
    public const string DeclineReason = "card_declined";
    private const string PaymentPrefix = "test_pi_";
    private const string RefundPrefix = "test_re_";

    public string Name => PaymentProviderNames.Test;

    public Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.AmountCop);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);

        var reference = PaymentPrefix + DeriveId("payment", request.IdempotencyKey);
        var test = options.Value.Test;
        var decline = test.DeclineAll
            || request.BuyerEmail.Contains(test.DeclineEmailMarker, StringComparison.OrdinalIgnoreCase);
        logger.LogInformation(
            "Test payment {PaymentReference} for order {OrderId}: {AmountCop} COP {Outcome}",
            reference, request.OrderId, request.AmountCop, decline ? "declined" : "succeeded");
        return Task.FromResult(decline ? PaymentStart.Declined(reference, DeclineReason) : PaymentStart.Succeeded(reference));
    }

    public Task<RefundResult> RefundAsync(
        string providerReference, long amountCop, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerReference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCop);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        var reference = RefundPrefix + DeriveId("refund", idempotencyKey);
        logger.LogInformation(
            "Test refund {RefundReference} of {AmountCop} COP for {PaymentReference}", reference, amountCop, providerReference);
        return Task.FromResult(RefundResult.Succeeded(reference));
    }

    /// <summary>The test provider's payments complete at once or are declined; nothing is left open to cancel.</summary>
    public Task<PaymentCancelResult> CancelAsync(string providerReference, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        logger.LogInformation("Test payment {PaymentReference} cancelled (nothing to do)", providerReference);
        return Task.FromResult(PaymentCancelResult.Cancelled());
    }

    // A hash rather than a random id: the same idempotency key must always name the same payment.
    private static string DeriveId(string purpose, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + ":" + idempotencyKey));
        return new Guid(hash.AsSpan(0, 16)).ToString("N");
    }
}
