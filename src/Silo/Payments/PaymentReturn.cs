namespace Fashionistas.Silo.Payments;

/// <summary>The pages a provider's hosted payment page sends the buyer back to.</summary>
/// <param name="SuccessUrl">After paying (the tickets may still be on their way: the page watches the order).</param>
/// <param name="CancelUrl">When the buyer leaves the payment page without paying.</param>
public sealed record PaymentReturn(Uri SuccessUrl, Uri CancelUrl);
