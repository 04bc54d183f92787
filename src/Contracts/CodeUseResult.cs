using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to <see cref="IPromoCodeGrain.Use"/>: only <see cref="Granted"/> counts a use.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.CodeUseResult")]
public abstract record CodeUseResult
{
    private CodeUseResult()
    {
    }

    public static CodeUseResult NotFoundResult { get; } = new NotFound();

    /// <summary>The use is counted (durably: answered after the commit); the hold takes <paramref name="UseId"/> as its id.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.CodeUseResult.Granted")]
    public sealed record Granted(PromoCodeDefinition Code, Guid UseId, bool Replayed) : CodeUseResult;

    /// <summary>The code exists but may not be used now (disabled, outside its dates, used up, buyer's limit reached).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.CodeUseResult.Refused")]
    public sealed record Refused(string Reason) : CodeUseResult;

    [GenerateSerializer, Immutable, Alias("Fashionistas.CodeUseResult.NotFound")]
    public sealed record NotFound : CodeUseResult;
}
