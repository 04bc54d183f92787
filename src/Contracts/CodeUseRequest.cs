using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>A buyer asks to use a code for one hold; a retry with the same key gets the same use.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.CodeUseRequest")]
public sealed record CodeUseRequest(Guid BuyerId, string? IdempotencyKey = null);
