using Fashionistas.Grains.Storage;

namespace Fashionistas.Silo.Checkout;

/// <summary>A hold across tiers of one event: every tier's hold, one deadline (the earliest of its holds').</summary>
public sealed record HoldGroup(Guid Id, Guid EventId, Guid BuyerId, long Total, DateTimeOffset ExpiresAt, IReadOnlyList<StoredHold> Holds);
