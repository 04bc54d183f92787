namespace Fashionistas.Grains.Domain;

/// <summary>Whether tickets can be held now: the start is inclusive, the end exclusive; null bounds are open.</summary>
public static class SalesWindow
{
    public static RuleCheck IsOpen(DateTimeOffset? salesStart, DateTimeOffset? salesEnd, DateTimeOffset now)
    {
        if (salesStart is { } start && now < start)
        {
            return RuleCheck.Refused($"Sales open at {start:O}.");
        }

        if (salesEnd is { } end && now >= end)
        {
            return RuleCheck.Refused($"Sales closed at {end:O}.");
        }

        return RuleCheck.Ok;
    }
}
