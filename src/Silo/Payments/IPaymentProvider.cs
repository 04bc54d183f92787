namespace Fashionistas.Silo.Payments;

/// <summary>
/// A payment service. Declines are results, not exceptions; a <see cref="PaymentProviderException"/>
/// means the provider could not be asked (misconfiguration, outage after retries, rejected request).
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Short provider name stored in <c>orders.payment_provider</c>: "test" or "stripe".</summary>
    string Name { get; }

    /// <summary>
    /// Starts (and where the provider can, completes) a payment. Calling again with the same
    /// <see cref="PaymentRequest.IdempotencyKey"/> returns the same payment, never a second charge.
    /// </summary>
    Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds <paramref name="amountCop"/> pesos of a payment; idempotent per key.</summary>
    Task<RefundResult> RefundAsync(
        string providerReference, long amountCop, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels a payment that has not taken the money (an order cancelled while awaiting payment); idempotent per key,
    /// and a payment cancelled before answers cancelled again. Too late (succeeded or processing) is a result.
    /// </summary>
    Task<PaymentCancelResult> CancelAsync(string providerReference, string idempotencyKey, CancellationToken cancellationToken);
}
