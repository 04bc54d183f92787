namespace Fashionistas.Silo.Payments;

/// <summary>Where a payment stands right after it was started.</summary>
public enum PaymentStartStatus
{
    /// <summary>The money is captured; tickets can be issued now.</summary>
    Succeeded,

    /// <summary>
    /// Pending: the buyer must still act (confirm with the client secret, 3-D Secure, PSE redirect)
    /// or the provider is processing. The final outcome arrives by webhook.
    /// </summary>
    RequiresAction,

    /// <summary>The provider refused the payment; <see cref="PaymentStart.DeclineReason"/> says why.</summary>
    Declined,
}
