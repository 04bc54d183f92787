using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Runs after any bearer validation: a token whose security stamp is no longer its user's (roles or password changed
/// since it was issued), or that carries no stamp (issued before stamps existed), counts as no sign-in at all, so
/// protected routes answer 401 and the old token's roles are never used.
/// </summary>
public sealed class CurrentRightsTransformation(CurrentRights rights, IHttpContextAccessor http) : IClaimsTransformation
{
    private static readonly ClaimsPrincipal SignedOut = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return principal;
        }

        var stamp = principal.FindFirstValue(SecurityStampClaim.Type);
        if (principal.TryUserId() is not { } userId || stamp is null)
        {
            return SignedOut;
        }

        var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        return await rights.IsCurrentAsync(userId, stamp, cancellationToken) ? principal : SignedOut;
    }
}
