using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Access tokens are checked by ASP.NET Core's JwtBearer handler against our own key, issuer and audience (no
/// discovery document: this server is its own issuer). Only HS256 is accepted, so a token cannot choose a weaker
/// algorithm or none. WebSocket clients of the hub cannot set headers, so there the token may come as the
/// <c>access_token</c> query parameter, as SignalR's clients send it.
/// </summary>
internal sealed class JwtBearerSetup(SigningKey key, IOptions<JwtOptions> jwtOptions) : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>Tolerated clock difference between nodes when checking expiry.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private const string HubPathPrefix = "/hubs";

    /// <summary>Most validated tokens a node remembers (<see cref="ValidatedTokenCache"/>); beyond it the cache starts over.</summary>
    private const int MaxRememberedTokens = 100_000;

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var jwt = jwtOptions.Value;
        options.SaveToken = false; // nothing reads the raw token back from the ticket
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new ValidatedTokenCache(ClockSkew, MaxRememberedTokens) { MapInboundClaims = options.MapInboundClaims });
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(key.Bytes),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            NameClaimType = "name",
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                var request = context.Request;
                if (!request.Headers.ContainsKey("Authorization") && request.Path.StartsWithSegments(HubPathPrefix)
                    && request.Query.TryGetValue("access_token", out var token))
                {
                    context.Token = token.ToString();
                }
                else if (!request.Headers.ContainsKey("Authorization")
                         && request.Path.StartsWithSegments(DashboardSessionCookie.Path)
                         && request.Cookies.TryGetValue(DashboardSessionCookie.Name, out var fromCookie))
                {
                    // Pages of the Orleans dashboard, which a browser navigates to, carry the token in its session cookie.
                    context.Token = fromCookie;
                }

                return Task.CompletedTask;
            },
        };
    }
}
