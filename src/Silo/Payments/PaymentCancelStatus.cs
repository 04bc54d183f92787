namespace Fashionistas.Silo.Payments;

/// <summary>Where a payment stands after <see cref="IPaymentProvider.CancelAsync"/>.</summary>
public enum PaymentCancelStatus
{
    /// <summary>The payment is cancelled (now or before): it can never take the buyer's money.</summary>
    Cancelled,

    /// <summary>Too late: the payment succeeded or is being processed, so it cannot be cancelled any more.</summary>
    NotCancellable,
}
