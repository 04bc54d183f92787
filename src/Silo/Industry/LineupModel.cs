namespace Fashionistas.Silo.Industry;

/// <summary>A model walking at an event.</summary>
public sealed record LineupModel(Guid ModelId, string DisplayName, string? City);
