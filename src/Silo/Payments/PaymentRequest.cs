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
    string IdempotencyKey);
