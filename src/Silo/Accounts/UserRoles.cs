namespace Fashionistas.Silo.Accounts;

/// <summary>The roles of the seed's data model.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Organizer = "organizer";
    public const string Sponsor = "sponsor";
    public const string Designer = "designer";
    public const string Model = "model";
    public const string Attendee = "attendee";

    public static IReadOnlyList<string> All { get; } = [Admin, Organizer, Sponsor, Designer, Model, Attendee];
}
