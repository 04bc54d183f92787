using Fashionistas.Silo.Industry;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A model's profile as they write it; measurements in whole centimetres.</summary>
public sealed record ModelProfileRequest(
    string? DisplayName, string? Bio, string? City, int? HeightCm, int? BustCm, int? WaistCm, int? HipsCm, string? Availability)
    : IValidatable
{
    private const int MinHeight = 120;
    private const int MaxHeight = 230;
    private const int MinMeasure = 40;
    private const int MaxMeasure = 200;

    public Validation Validate() => new Validation()
        .Text(DisplayName, "displayName", FieldRules.MaxName)
        .Text(Bio, "bio", FieldRules.MaxBio, required: false)
        .Text(City, "city", FieldRules.MaxCity, required: false)
        .Centimetres(HeightCm, "heightCm", MinHeight, MaxHeight)
        .Centimetres(BustCm, "bustCm", MinMeasure, MaxMeasure)
        .Centimetres(WaistCm, "waistCm", MinMeasure, MaxMeasure)
        .Centimetres(HipsCm, "hipsCm", MinMeasure, MaxMeasure)
        .Text(Availability, "availability", FieldRules.MaxNote, required: false);

    public ModelFields ToFields() =>
        new(DisplayName!.Trim(), Bio?.Trim() ?? string.Empty, City.OrNull(), HeightCm, BustCm, WaistCm, HipsCm, Availability.OrNull());
}
