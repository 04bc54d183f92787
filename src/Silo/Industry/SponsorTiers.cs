namespace Fashionistas.Silo.Industry;

/// <summary>Sponsorship levels, highest first (the order lineups list sponsors in).</summary>
public static class SponsorTiers
{
    public const string Title = "title";
    public const string Gold = "gold";
    public const string Silver = "silver";
    public const string Partner = "partner";

    public static IReadOnlyList<string> All { get; } = [Title, Gold, Silver, Partner];
}
