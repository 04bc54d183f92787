using Fashionistas.Silo.Industry;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A collection's details; <see cref="Pieces"/> counts its looks.</summary>
public sealed record CollectionRequest(string? Name, string? Season, string? Description, int? Pieces) : IValidatable
{
    private const int MaxSeason = 60;
    private const int MaxPieces = 1_000;

    public Validation Validate() => new Validation()
        .Text(Name, "name", FieldRules.MaxName)
        .Text(Season, "season", MaxSeason, required: false)
        .Text(Description, "description", FieldRules.MaxBio, required: false)
        .Require(Pieces is null or (>= 0 and <= MaxPieces), "pieces", $"pieces must be between 0 and {MaxPieces}.");

    public CollectionFields ToFields() => new(Name!.Trim(), Season.OrNull(), Description?.Trim() ?? string.Empty, Pieces ?? 0);
}
