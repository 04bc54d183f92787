using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// A code and its live use count (uses decided, including those whose commit is still running); <see cref="Refusal"/>
/// says why nobody may use it now (disabled, outside its dates, used up), null when it may be used.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.PromoCodeView")]
public sealed record PromoCodeView(PromoCodeDefinition Definition, int Uses, string? Refusal);
