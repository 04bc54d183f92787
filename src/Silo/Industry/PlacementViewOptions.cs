namespace Fashionistas.Silo.Industry;

/// <summary>Configuration section <c>PlacementViews</c>: how sponsors' placement views are counted.</summary>
public sealed class PlacementViewOptions
{
    public const string SectionName = "PlacementViews";

    /// <summary>
    /// How often the views counted in memory are added to the database (one statement per flush), so a busy event page
    /// never queues page reads behind row locks on one counter. Views of the last interval are lost if the process dies.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
