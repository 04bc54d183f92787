using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Runs right after authentication, whichever handler validated the token: a token whose security stamp is no longer
/// its user's (roles or password changed since it was issued), or that carries none (issued before stamps existed),
/// counts as a failed sign-in, so protected routes answer 401, public ones answer as to anyone signed out, and the old
/// token's roles are never used.
/// </summary>
public static class CurrentRightsMiddleware
{
    public static IApplicationBuilder UseCurrentRights(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context, user))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());

                // Authorization reuses the authentication result the middleware recorded; a success there would turn
                // the refusal into a 403. A failure makes it challenge (401), as for any invalid token.
                if (context.Features.Get<IAuthenticateResultFeature>() is { } result)
                {
                    result.AuthenticateResult = AuthenticateResult.Fail("The token was issued before the account's rights or password changed.");
                }
            }

            await next(context);
        });

    private static Task<bool> IsCurrentAsync(HttpContext context, ClaimsPrincipal user) =>
        user.TryUserId() is { } userId && user.FindFirstValue(SecurityStampClaim.Type) is { } stamp
            ? context.RequestServices.GetRequiredService<CurrentRights>().IsCurrentAsync(userId, stamp, context.RequestAborted)
            : Task.FromResult(false);
}
