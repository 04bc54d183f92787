namespace Fashionistas.Tests.Checkout;

/// <summary>Stripe as in <see cref="StripeApiFactory"/>, with holds that expire after a few seconds.</summary>
public sealed class ShortHoldStripeApiFactory : StripeApiFactory
{
    public static readonly TimeSpan HoldDuration = TimeSpan.FromSeconds(3);

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = StripeSettings();
            settings["Inventory:HoldDuration"] = HoldDuration.ToString("c");
            return settings;
        }
    }
}
