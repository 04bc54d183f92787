namespace Fashionistas.Silo.Industry;

/// <summary>What a model writes on their profile (already validated).</summary>
public sealed record ModelFields(
    string DisplayName, string Bio, string? City, int? HeightCm, int? BustCm, int? WaistCm, int? HipsCm, string? Availability);
