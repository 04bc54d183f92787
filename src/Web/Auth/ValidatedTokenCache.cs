using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fashionistas.Web.Auth;

/// <summary>
/// The JwtBearer handler's token check, remembering tokens it found valid: a buyer sends the same access token on
/// every request of a sale, and parsing its JSON and checking its HMAC again each time was ~8 % of a hold's server CPU
/// (load-tests/README.md, "The hold request, profiled"). Only a byte-identical token string that passed the full check
/// is answered from memory, and only until its own expiry (plus the same clock skew the check allows); anything else,
/// including every invalid token, goes through <see cref="JsonWebTokenHandler"/> as before. Each answer gets its own
/// copy of the identity, so no request can change another's. Revocation is not the token's business here: the security
/// stamp check (<see cref="CurrentRightsMiddleware"/>) runs after authentication on every request either way. The
/// validation parameters are this server's fixed ones (<see cref="JwtBearerSetup"/>), so the token alone is the key.
/// </summary>
internal sealed class ValidatedTokenCache(TimeSpan clockSkew, int maxTokens) : JsonWebTokenHandler
{
    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTime ValidUntilUtc)> _valid = new(StringComparer.Ordinal);
    private int _count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (token is not null && TryRemembered(token, out var remembered))
        {
            return remembered;
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result.IsValid && result.SecurityToken is { ValidTo: var validTo } && validTo > DateTime.MinValue)
        {
            // A bound, not an eviction policy: a full cache starts over. Counted apart, because a concurrent
            // dictionary's Count takes every lock of the table.
            if (Interlocked.Increment(ref _count) > maxTokens)
            {
                _valid.Clear();
                Interlocked.Exchange(ref _count, 1);
            }

            _valid[token] = (result, validTo + clockSkew);
            return Copy(result);
        }

        return result;
    }

    /// <summary>
    /// A copy of the result of <paramref name="token"/>'s full check, if it passed one here and has not expired since
    /// (<see cref="CachedJwtBearerHandler"/> asks with the span of the Authorization header, without a substring).
    /// </summary>
    public bool TryRemembered(ReadOnlySpan<char> token, [NotNullWhen(true)] out TokenValidationResult? result)
    {
        var lookup = _valid.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(token, out var key, out var known))
        {
            if (DateTime.UtcNow < known.ValidUntilUtc)
            {
                result = Copy(known.Result);
                return true;
            }

            _valid.TryRemove(key, out _);
        }

        result = null;
        return false;
    }

    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity is CaseSensitiveClaimsIdentity identity ? new CaseSensitiveClaimsIdentity(identity) : result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        TokenType = result.TokenType,
        Issuer = result.Issuer,
        TokenContext = result.TokenContext,
    };
}
