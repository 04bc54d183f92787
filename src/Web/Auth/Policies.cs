namespace Fashionistas.Web.Auth;

/// <summary>Authorization policy names used on route groups.</summary>
public static class Policies
{
    /// <summary>Organizers and admins: may create events (and manage their own).</summary>
    public const string Organizer = "organizer";

    /// <summary>Admins only.</summary>
    public const string Admin = "admin";
}
