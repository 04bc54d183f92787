namespace Fashionistas.Silo.Industry;

/// <summary>Where a casting stands: the organizer invites, the model accepts or declines.</summary>
public static class CastingStatuses
{
    public const string Invited = "invited";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
}
