using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Storage;

/// <summary>
/// What a code activation reads: the code, its version (the fence of its commits), the uses not given back and the
/// keyed uses inside the idempotency window (given back or not), each with its hold's status.
/// </summary>
public sealed record PromoCodeLoad(PromoCodeDefinition Definition, long Version, IReadOnlyList<StoredCodeUse> Uses);
