namespace Fashionistas.Silo.Payments;

/// <summary>What to charge for one order.</summary>
/// <param name="OrderId">The order being paid; sent to the provider as metadata so webhooks can find it.</param>
/// <param name="AmountCop">Whole Colombian pesos, greater than zero.</param>
/// <param name="Description">Shown to the buyer by the provider (statement, receipt).</param>
/// <param name="BuyerEmail">Where the provider sends its receipt.</param>
/// <param name="IdempotencyKey">Same key, same payment: retries never charge twice.</param>
public sealed record PaymentRequest(
    Guid OrderId,
    long AmountCop,
    string Description,
    string BuyerEmail,
    string IdempotencyKey)
{
    /// <summary>The hold the order pays for (metadata of a hosted payment page).</summary>
    public Guid? HoldId { get; init; }

    /// <summary>When the hold ends: a hosted payment page must not outlive it.</summary>
    public DateTimeOffset? HoldExpiresAt { get; init; }

    /// <summary>Tickets in the order (the hosted page's line item); with <see cref="UnitPriceCop"/>.</summary>
    public int Quantity { get; init; } = 1;

    /// <summary>Price of one ticket in pesos; 0 means <see cref="AmountCop"/> for the whole line.</summary>
    public long UnitPriceCop { get; init; }

    /// <summary>The line item's name on the hosted page (e.g. "General - Bogotá Fashion Week").</summary>
    public string? ItemName { get; init; }

    /// <summary>Where the hosted page sends the buyer back; null when the buyer's browser does not take part.</summary>
    public PaymentReturn? Return { get; init; }
}
