namespace Fashionistas.Silo.Payments;

/// <summary>The outcome of <see cref="IPaymentProvider.StartAsync"/>.</summary>
/// <param name="Status">Succeeded, requires action (pending) or declined.</param>
/// <param name="ProviderReference">
/// The provider's payment id (Stripe payment intent id, or <c>test_pi_...</c>); null only when a
/// decline happened before the provider created a payment.
/// </param>
/// <param name="ClientSecret">What the browser needs to finish a pending Stripe payment; null otherwise.</param>
/// <param name="DeclineReason">A provider code such as <c>card_declined</c> or <c>insufficient_funds</c>.</param>
/// <param name="RedirectUrl">The provider's hosted payment page to send the buyer to; null otherwise.</param>
public sealed record PaymentStart(
    PaymentStartStatus Status,
    string? ProviderReference,
    string? ClientSecret,
    string? DeclineReason,
    Uri? RedirectUrl = null)
{
    public static PaymentStart Redirect(string providerReference, Uri redirectUrl) =>
        new(PaymentStartStatus.RequiresAction, providerReference, null, null, redirectUrl);

    public static PaymentStart Succeeded(string providerReference) =>
        new(PaymentStartStatus.Succeeded, providerReference, null, null);

    public static PaymentStart RequiresAction(string providerReference, string? clientSecret) =>
        new(PaymentStartStatus.RequiresAction, providerReference, clientSecret, null);

    public static PaymentStart Declined(string? providerReference, string declineReason) =>
        new(PaymentStartStatus.Declined, providerReference, null, declineReason);
}
