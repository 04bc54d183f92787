namespace Fashionistas.Grains.Storage;

/// <summary>An idempotency key is scoped to its buyer (and ticket type): two buyers may pick the same key.</summary>
public readonly record struct BuyerKey(Guid BuyerId, string Key);
