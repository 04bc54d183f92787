using System.Security.Claims;
using Fashionistas.Silo.Accounts;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>Registration, sign-in, the signed-in user and their password.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(RateLimits.AuthPolicy);
        auth.MapPost("/register", Register).AllowAnonymous().Validates<RegisterRequest>().Answers(Status409Conflict);
        auth.MapPost("/login", Login).AllowAnonymous().Validates<LoginRequest>().Answers(Status401Unauthorized);
        app.MapGet("/api/me", Me).WithTags("Auth").RequireAuthorization().Answers(Status404NotFound);
        app.MapPut("/api/me/password", ChangePassword).WithTags("Auth").RequireAuthorization()
            .RequireRateLimiting(RateLimits.AuthPolicy).Validates<ChangePasswordRequest>();
        return app;
    }

    /// <summary>202 with the same body whether the e-mail is new or taken: the answer does not reveal accounts.</summary>
    private static async Task<Accepted<RegistrationResponse>> Register(
        RegisterRequest request, UserStore users, CancellationToken cancellationToken)
    {
        // Creating hashes the password before it learns whether the e-mail is taken: both ways cost the same.
        await users.CreateAsync(request.Email!.Trim(), request.Password!, request.DisplayName!.Trim(), [UserRoles.Attendee], cancellationToken);
        return TypedResults.Accepted((string?)null, RegistrationResponse.Accepted);
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Login(
        LoginRequest request, UserStore users, JwtTokens tokens, SignInThrottle throttle, HttpContext http,
        CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        if (throttle.TryBegin(email) is { } wait)
        {
            return SignInThrottle.TooSoon(http.Response, wait);
        }

        var user = await users.VerifyAsync(email, request.Password!, cancellationToken);
        if (user is null)
        {
            return Problems.Unauthorized("E-mail or password is wrong.");
        }

        throttle.Succeeded(email);
        return TypedResults.Ok(Issue(tokens, user));
    }

    /// <summary>
    /// Changes the password and answers a new token for this session: the change gives the account a new security
    /// stamp, so every token issued before (this one included, and every other device's) stops working.
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserStore users, JwtTokens tokens, CurrentRights rights,
        CancellationToken cancellationToken)
    {
        var userId = principal.UserId();
        if (!await users.ChangePasswordAsync(userId, request.CurrentPassword!, request.NewPassword!, cancellationToken))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        }

        rights.Forget(userId);
        var user = await users.FindByIdAsync(userId, cancellationToken);
        return user is null ? Problems.NotFound("The account no longer exists.") : TypedResults.Ok(Issue(tokens, user));
    }

    /// <summary>From the token and the rights check it passed, without a database round trip (see <see cref="SignedInAccount"/>).</summary>
    private static Results<Ok<UserResponse>, ProblemHttpResult> Me(ClaimsPrincipal principal) =>
        SignedInAccount.Describe(principal) is { } me ? TypedResults.Ok(me) : Problems.NotFound("The account no longer exists.");

    private static TokenResponse Issue(JwtTokens tokens, UserAccount user)
    {
        var (token, expiresAt) = tokens.Issue(user.Id, user.Email, user.DisplayName, user.Roles, user.SecurityStamp);
        return new TokenResponse(token, expiresAt);
    }

    internal static UserResponse ToResponse(UserAccount user) => new(user.Id, user.Email, user.DisplayName, user.Roles);
}
