using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// A buyer asks to hold seats. A retry carrying the same <see cref="IdempotencyKey"/> gets the first answer
/// back and holds nothing more. <see cref="Code"/> is set when a promo or access code was granted for this hold.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.HoldRequest")]
public sealed record HoldRequest(Guid BuyerId, int Quantity, string? IdempotencyKey = null, CodeTerms? Code = null);
