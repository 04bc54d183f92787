using Fashionistas.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;

namespace Fashionistas.Web.Operations;

/// <summary>
/// The Orleans dashboard (silos, grain activations, calls, reminders) at <see cref="Path"/>, for admins only. A browser
/// cannot send the bearer header when it navigates, so an admin first asks for a dashboard session: the same token,
/// kept in an HttpOnly, SameSite=Strict cookie sent only to <see cref="Path"/>. Scripts and tools send the header.
/// </summary>
public static class OrleansDashboardEndpoints
{
    public const string Path = DashboardSessionCookie.Path;

    public const string SessionPath = "/api/admin/orleans-dashboard/session";

    public const string CookieName = DashboardSessionCookie.Name;

    public static IEndpointRouteBuilder MapOrleansDashboardForAdmins(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(Path).RequireAuthorization(Policies.Admin);
        app.MapPost(SessionPath, OpenSession)
            .RequireAuthorization(Policies.Admin)
            .WithTags("Operations")
            .WithSummary("Opens an Orleans dashboard session (a cookie for " + Path + ") for the signed-in admin.");
        return app;
    }

    private static NoContent OpenSession(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = Path,
            IsEssential = true,
        });
        return TypedResults.NoContent();
    }
}
