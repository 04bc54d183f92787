namespace Fashionistas.Grains.Storage;

/// <summary>
/// An order a batch marks paid. The commit matches every field against the order row (which must still await
/// payment), so a stale or wrong request writes nothing instead of paying the wrong order.
/// </summary>
/// <param name="PaymentReference">Stored unless the order has a reference already.</param>
public sealed record PaidOrder(Guid OrderId, Guid HoldId, Guid BuyerId, int Quantity, string? PaymentReference);
