namespace Fashionistas.Silo.Checkout;

/// <summary>What a verified webhook delivery did; every outcome is acknowledged with 200 so the provider stops resending.</summary>
public enum WebhookOutcome
{
    /// <summary>The event's effect was applied now.</summary>
    Applied,

    /// <summary>The same event was applied before: nothing changed.</summary>
    Duplicate,

    /// <summary>An event type we do not act on, or about an order we do not know.</summary>
    Ignored,
}
