using System.Net.Mail;
using System.Security.Claims;
using Fashionistas.Silo.Accounts;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>Registration, sign-in and the signed-in user.</summary>
public static class AuthApi
{
    private const int MinPasswordLength = 8;
    private const int MaxPasswordLength = 128;
    private const int MaxEmailLength = 254;
    private const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(RateLimits.AuthPolicy);
        auth.MapPost("/register", Register).AllowAnonymous();
        auth.MapPost("/login", Login).AllowAnonymous();
        app.MapGet("/api/me", Me).WithTags("Auth").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, UserStore users, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Text(request.Email, "email", MaxEmailLength)
            .Require(request.Email is null || IsEmail(request.Email), "email", "email is not a valid address.")
            .Require(request.Password is { Length: >= MinPasswordLength and <= MaxPasswordLength }, "password",
                $"password must be {MinPasswordLength} to {MaxPasswordLength} characters.")
            .Text(request.DisplayName, "displayName", MaxNameLength);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var user = await users.CreateAsync(request.Email!.Trim(), request.Password!, request.DisplayName!.Trim(), [UserRoles.Attendee], cancellationToken);
        return user is null
            ? Problems.Conflict("An account with this e-mail already exists.")
            : TypedResults.Created($"/api/users/{user.Id}", ToResponse(user));
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, UserStore users, JwtTokens tokens, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Text(request.Email, "email", MaxEmailLength)
            .Text(request.Password, "password", MaxPasswordLength);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var user = await users.VerifyAsync(request.Email!.Trim(), request.Password!, cancellationToken);
        if (user is null)
        {
            return Problems.Unauthorized("E-mail or password is wrong.");
        }

        var (token, expiresAt) = tokens.Issue(user.Id, user.Email, user.DisplayName, user.Roles);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Me(ClaimsPrincipal principal, UserStore users, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(principal.UserId(), cancellationToken);
        return user is null ? Problems.NotFound("The account no longer exists.") : TypedResults.Ok(ToResponse(user));
    }

    internal static UserResponse ToResponse(UserAccount user) => new(user.Id, user.Email, user.DisplayName, user.Roles);

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && value.Contains('.', StringComparison.Ordinal);
}
