using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// What a granted code use gives one hold of one tier: the hold takes <see cref="UseId"/> as its id (so the use and the
/// hold are one row apart), the discount when the code covers the tier, access to the tier when it is hidden and named
/// by the code, and the right to hold before the public sale when the code opens a presale.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.CodeTerms")]
public sealed record CodeTerms(
    Guid CodeId,
    Guid UseId,
    int? PercentOff,
    long? AmountOff,
    bool UnlocksHidden,
    bool OpensPresale);
