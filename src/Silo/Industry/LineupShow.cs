namespace Fashionistas.Silo.Industry;

/// <summary>A collection shown at an event, with its designer's brand and first image.</summary>
public sealed record LineupShow(Guid CollectionId, string CollectionName, string? Season, int Pieces, Guid DesignerId, string BrandName, string? CoverUrl);
