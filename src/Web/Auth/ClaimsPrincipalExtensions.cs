using System.Security.Claims;
using Fashionistas.Silo.Accounts;

namespace Fashionistas.Web.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; only call on authenticated endpoints.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    public static Guid? TryUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(UserRoles.Admin);

    /// <summary>Admins manage every event; organizers only the events they own.</summary>
    public static bool CanManage(this ClaimsPrincipal user, Guid organizerId) =>
        user.IsAdmin() || (user.IsInRole(UserRoles.Organizer) && user.TryUserId() == organizerId);
}
