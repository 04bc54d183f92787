using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Codes;

/// <summary>A code of an event with its committed uses, its holds still active and its holds sold.</summary>
public sealed record PromoCodeSummary(PromoCodeDefinition Definition, int Uses, int ActiveHolds, int SoldHolds, DateTimeOffset CreatedAt);
