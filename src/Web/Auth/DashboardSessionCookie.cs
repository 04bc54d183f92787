namespace Fashionistas.Web.Auth;

/// <summary>
/// Where a browser's Orleans dashboard session carries its bearer token: an HttpOnly cookie sent only to
/// <see cref="Path"/>. Declared here, with the bearer setup that reads it; the dashboard's endpoints use the same values.
/// </summary>
public static class DashboardSessionCookie
{
    /// <summary>The dashboard's pages, the only path the cookie is sent to.</summary>
    public const string Path = "/admin/orleans";

    public const string Name = "fashionistas-orleans-dashboard";
}
