namespace Fashionistas.Silo.Payments;

/// <summary>The outcome of <see cref="IPaymentProvider.CancelAsync"/>.</summary>
/// <param name="Status">Cancelled, or not cancellable any more.</param>
/// <param name="ProviderStatus">The provider's status of the payment when known (Stripe: <c>canceled</c>, <c>succeeded</c>, <c>processing</c>).</param>
public sealed record PaymentCancelResult(PaymentCancelStatus Status, string? ProviderStatus)
{
    public static PaymentCancelResult Cancelled(string? providerStatus = null) => new(PaymentCancelStatus.Cancelled, providerStatus);

    public static PaymentCancelResult NotCancellable(string? providerStatus) => new(PaymentCancelStatus.NotCancellable, providerStatus);
}
