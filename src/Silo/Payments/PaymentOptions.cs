using Fashionistas.Silo.Payments.Stripe;

namespace Fashionistas.Silo.Payments;

/// <summary>Configuration section <c>Payments</c>.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary>
    /// "test" or "stripe". Left empty, it is chosen for you: "stripe" when
    /// <c>Payments:Stripe:SecretKey</c> is set, otherwise "test".
    /// </summary>
    public string? Provider { get; set; }

    public StripeOptions Stripe { get; set; } = new();

    public TestPaymentOptions Test { get; set; } = new();
}
