using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// A buyer asks to hold seats. A retry carrying the same <see cref="IdempotencyKey"/> gets the first answer
/// back and holds nothing more.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.HoldRequest")]
public sealed record HoldRequest(Guid BuyerId, int Quantity, string? IdempotencyKey = null);
