namespace Fashionistas.Silo.Checkout;

/// <summary>
/// What a group's checkout starts from, read in one transaction (<see cref="HoldGroupStore.StartCheckoutAsync"/>): the
/// group, its order lines (one per tier, created by that transaction when missing and every hold active), the buyer's
/// e-mail and the answer stored for the request's idempotency key.
/// </summary>
public sealed record GroupCheckoutStart(HoldGroup Group, IReadOnlyList<OrderRecord> Lines, bool Created, string BuyerEmail, string? StoredAnswer);
