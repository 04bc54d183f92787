namespace Fashionistas.Grains.Domain;

/// <summary>Bounds on what organizers may enter, so that totals and texts stay sane.</summary>
public static class DefinitionLimits
{
    /// <summary>Longest name of an event or ticket type.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest description of an event or ticket type.</summary>
    public const int MaxDescriptionLength = 5_000;

    /// <summary>
    /// Highest unit price, 10,000 million COP: far above any ticket, and small enough that a price times
    /// any seat count fits a long.
    /// </summary>
    public const long MaxPrice = 10_000_000_000;

    /// <summary>Largest capacity of one event (a stadium is about 100,000).</summary>
    public const int MaxCapacity = 1_000_000;
}
