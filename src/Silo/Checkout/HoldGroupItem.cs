using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// One tier of a hold across tiers: how many seats of <paramref name="TicketTypeId"/>, from the reserved allocation
/// <paramref name="AllocationId"/> when the group's code opens one of this tier (null: the public pool), priced with
/// the promo or access code <paramref name="PromoCode"/> (resolved once for the group) when it covers this tier.
/// </summary>
public sealed record HoldGroupItem(Guid TicketTypeId, int Quantity, Guid? AllocationId = null, PromoCodeDefinition? PromoCode = null);
