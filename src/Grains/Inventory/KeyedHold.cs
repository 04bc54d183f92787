using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Inventory;

/// <summary>A hold placed with an idempotency key, kept to answer retries until the window passes.</summary>
public sealed record KeyedHold(BuyerKey Key, HoldInfo Hold, DateTimeOffset CreatedAt);
