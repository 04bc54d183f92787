using System.Security.Claims;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Auth;

namespace Fashionistas.Web.Api;

/// <summary>
/// The signed-in account as its access token describes it, for <c>GET /api/me</c> without a database round trip.
/// Sound because <see cref="CurrentRightsMiddleware"/> accepted the token first: its security stamp is the account's
/// current one (checked against the database at most <see cref="RightsOptions.StampCacheDuration"/> ago), and every
/// role change gives a new stamp, so the token's roles are the account's roles; e-mail and display name are set at
/// sign-up and no route changes them. A token missing any of these claims describes no account (null).
/// </summary>
public static class SignedInAccount
{
    public static UserResponse? Describe(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.TryUserId() is not { } id || user.Identity is not ClaimsIdentity identity)
        {
            return null;
        }

        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue("email");
        var name = identity.Name;
        if (email is null || name is null)
        {
            return null;
        }

        string[] roles = [.. identity.FindAll(identity.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal)];
        return new UserResponse(id, email, name, roles);
    }
}
