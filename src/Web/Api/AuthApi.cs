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

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> Register(
        RegisterRequest request, UserStore users, CancellationToken cancellationToken)
    {
        var user = await users.CreateAsync(request.Email!.Trim(), request.Password!, request.DisplayName!.Trim(), [UserRoles.Attendee], cancellationToken);
        return user is null
            ? Problems.Conflict("An account with this e-mail already exists.")
            : TypedResults.Created($"/api/users/{user.Id}", ToResponse(user));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Login(
        LoginRequest request, UserStore users, JwtTokens tokens, CancellationToken cancellationToken)
    {
        var user = await users.VerifyAsync(request.Email!.Trim(), request.Password!, cancellationToken);
        if (user is null)
        {
            return Problems.Unauthorized("E-mail or password is wrong.");
        }

        var (token, expiresAt) = tokens.Issue(user.Id, user.Email, user.DisplayName, user.Roles);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserStore users, CancellationToken cancellationToken)
    {
        return await users.ChangePasswordAsync(principal.UserId(), request.CurrentPassword!, request.NewPassword!, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.Invalid(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Me(ClaimsPrincipal principal, UserStore users, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(principal.UserId(), cancellationToken);
        return user is null ? Problems.NotFound("The account no longer exists.") : TypedResults.Ok(ToResponse(user));
    }

    internal static UserResponse ToResponse(UserAccount user) => new(user.Id, user.Email, user.DisplayName, user.Roles);
}
