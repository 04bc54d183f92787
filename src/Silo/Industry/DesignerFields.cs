namespace Fashionistas.Silo.Industry;

/// <summary>What a designer writes on their profile (already validated).</summary>
public sealed record DesignerFields(string BrandName, string Bio, string? City, string? Instagram, string? Website);
