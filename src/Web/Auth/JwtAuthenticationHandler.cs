using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Fashionistas.Web.Operations;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Bearer authentication with our <see cref="JwtTokens"/>. WebSocket clients of the hub cannot set headers, so
/// there the token may come as the <c>access_token</c> query parameter (as SignalR's clients send it); pages of the
/// Orleans dashboard, which a browser navigates to, may carry it in the dashboard session cookie.
/// </summary>
public sealed class JwtAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    JwtTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (Request.Path.StartsWithSegments("/hubs") && Request.Query.TryGetValue("access_token", out var fromQuery))
        {
            token = fromQuery.ToString();
        }
        else if (Request.Path.StartsWithSegments(OrleansDashboardEndpoints.Path)
                 && Request.Cookies.TryGetValue(OrleansDashboardEndpoints.CookieName, out var fromCookie))
        {
            token = fromCookie;
        }

        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = tokens.Validate(token, out var failure);
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail(failure ?? "invalid token")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
