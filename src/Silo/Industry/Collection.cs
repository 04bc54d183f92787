namespace Fashionistas.Silo.Industry;

/// <summary>A designer's collection; <see cref="Pieces"/> counts its looks.</summary>
public sealed record Collection(Guid Id, Guid DesignerId, string Name, string? Season, string Description, int Pieces);
