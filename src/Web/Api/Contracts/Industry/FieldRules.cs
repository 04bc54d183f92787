using System.Text.RegularExpressions;
using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>Shared checks of the industry request fields (lengths, handles, links, contacts, tiers).</summary>
public static partial class FieldRules
{
    public const int MaxName = 120;
    public const int MaxCity = 80;
    public const int MaxBio = 2_000;
    public const int MaxUrl = 300;
    public const int MaxNote = 500;

    /// <summary>An Instagram handle with or without '@' (Instagram allows letters, digits, '.' and '_', up to 30).</summary>
    public static Validation Instagram(this Validation validation, string? value, string field) =>
        validation.Require(value is null || InstagramHandle().IsMatch(value), field, $"{field} must be an Instagram handle such as @marca.co.");

    /// <summary>An absolute http(s) link.</summary>
    public static Validation Link(this Validation validation, string? value, string field) =>
        validation.Text(value, field, MaxUrl, required: false)
            .Require(
                value is null || HttpUrls.IsAbsoluteHttp(value),
                field, $"{field} must be an absolute http(s) URL.");

    public static Validation Email(this Validation validation, string? value, string field) =>
        validation.Text(value, field, MaxName * 2, required: false)
            .Require(value is null || EmailAddress().IsMatch(value), field, $"{field} must be an e-mail address.");

    /// <summary>Digits with optional '+', spaces, dashes and parentheses (7 to 20 characters).</summary>
    public static Validation Phone(this Validation validation, string? value, string field) =>
        validation.Require(value is null || PhoneNumber().IsMatch(value), field, $"{field} must be a phone number such as +57 300 123 4567.");

    public static Validation Tier(this Validation validation, string? value, string field) =>
        validation.Require(
            value is not null && SponsorTiers.All.Contains(value), field, $"{field} must be one of {string.Join(", ", SponsorTiers.All)}.");

    /// <summary>A whole number of centimetres within [min, max] when given.</summary>
    public static Validation Centimetres(this Validation validation, int? value, string field, int min, int max) =>
        validation.Require(value is null || (value >= min && value <= max), field, $"{field} must be between {min} and {max} (cm).");

    /// <summary>Blank optional text is stored as null.</summary>
    public static string? OrNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^@?[A-Za-z0-9._]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex InstagramHandle();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()-]{6,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
