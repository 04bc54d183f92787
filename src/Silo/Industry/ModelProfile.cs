namespace Fashionistas.Silo.Industry;

/// <summary>A model's public profile; measurements in whole centimetres.</summary>
public sealed record ModelProfile(
    Guid UserId, string DisplayName, string Bio, string? City, int? HeightCm, int? BustCm, int? WaistCm, int? HipsCm, string? Availability);
