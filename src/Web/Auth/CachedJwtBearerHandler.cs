using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

/// <summary>
/// The JwtBearer handler with a short way for a bearer token that <see cref="ValidatedTokenCache"/> already found valid
/// (and that has not expired since): the ticket is built straight from the remembered check, without the per-request
/// work of the standard handler around it (a clone of the validation parameters, the message-received and
/// token-validated contexts, the handler's async state machines), ~5 % of a hold's server CPU in the profile of
/// load-tests/README.md. Every check still holds: only a byte-identical token that passed the full check (signature,
/// algorithm, expiry, issuer, audience) against this server's fixed parameters is remembered, only until its own
/// expiry plus the clock skew, and the security-stamp check (<see cref="CurrentRightsMiddleware"/>) runs after
/// authentication on every request either way. Anything else (no header, another scheme, a token not remembered,
/// tokens in the query or the dashboard cookie) goes through the standard handler unchanged. The short way skips the
/// <c>OnTokenValidated</c> event, which <see cref="JwtBearerSetup"/> does not set.
/// </summary>
internal sealed class CachedJwtBearerHandler(IOptionsMonitor<JwtBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : JwtBearerHandler(options, logger, encoder)
{
    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Options.TokenHandlers is [ValidatedTokenCache cache]
            && Request.Headers.Authorization is [{ } authorization]
            && authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && cache.TryRemembered(authorization.AsSpan(Bearer.Length).Trim(), out var remembered))
        {
            var principal = new ClaimsPrincipal(remembered.ClaimsIdentity);
            var properties = new AuthenticationProperties
            {
                ExpiresUtc = SafeDate(remembered.SecurityToken.ValidTo),
                IssuedUtc = SafeDate(remembered.SecurityToken.ValidFrom),
            };
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, properties, Scheme.Name)));
        }

        return base.HandleAuthenticateAsync();
    }

    /// <summary>As the standard handler sets the ticket's dates: none for a token without the claim.</summary>
    private static DateTimeOffset? SafeDate(DateTime date) => date == DateTime.MinValue ? null : date;
}
