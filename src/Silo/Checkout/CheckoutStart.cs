using Fashionistas.Grains.Storage;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// What a checkout starts from, read in one round trip (<see cref="OrderStore.StartCheckoutAsync"/>): the buyer's hold,
/// the hold's order (created by that same statement when it was missing and the hold active) and the buyer's e-mail.
/// </summary>
/// <param name="Order">Null when the hold has no order and none was created (hold ended, or a concurrent checkout
/// created it after this statement's snapshot).</param>
/// <param name="OrderCreated">The order was created by this statement.</param>
/// <param name="StoredAnswer">The answer (JSON) stored for the request's idempotency key, or null.</param>
public sealed record CheckoutStart(StoredHold Hold, OrderRecord? Order, bool OrderCreated, string BuyerEmail, string? StoredAnswer = null);
