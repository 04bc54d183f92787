namespace Fashionistas.Silo.Industry;

/// <summary>A designer's public profile, keyed by the user who owns it.</summary>
public sealed record DesignerProfile(Guid UserId, string BrandName, string Bio, string? City, string? Instagram, string? Website);
