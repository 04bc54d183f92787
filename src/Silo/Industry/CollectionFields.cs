namespace Fashionistas.Silo.Industry;

/// <summary>What a designer writes about a collection (already validated).</summary>
public sealed record CollectionFields(string Name, string? Season, string Description, int Pieces);
