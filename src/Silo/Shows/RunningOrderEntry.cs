namespace Fashionistas.Silo.Shows;

/// <summary>One look of a show's running order, in walking order, with who shows it and who walks it.</summary>
public sealed record RunningOrderEntry(
    int Position, string Segment, Guid? CollectionId, string? CollectionName, string? BrandName, Guid? ModelId, string? ModelName, string? Look);
