namespace Fashionistas.Silo.Industry;

/// <summary>Where a collection's application to a show stands (the designer applies, the organizer decides).</summary>
public static class ApplicationStatuses
{
    public const string Applied = "applied";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
}
