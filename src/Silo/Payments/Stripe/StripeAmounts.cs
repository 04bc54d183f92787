namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Stripe treats COP as a two-decimal currency, so its API amounts are centavos: pesos × 100.
/// </summary>
public static class StripeAmounts
{
    public const string Currency = "cop";
    private const long MinorUnitsPerPeso = 100;

    /// <summary>Pesos to Stripe's amount; throws on overflow rather than charge a wrapped amount.</summary>
    public static long ToStripeAmount(long pesos) => checked(pesos * MinorUnitsPerPeso);

    /// <summary>Stripe's amount to whole pesos (centavos are dropped; our own charges never have any).</summary>
    public static long ToPesos(long stripeAmount) => stripeAmount / MinorUnitsPerPeso;
}
