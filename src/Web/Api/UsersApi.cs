using Fashionistas.Silo.Accounts;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>User administration (admins).</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapPut("/{id:guid}/roles", SetRoles).Validates<SetRolesRequest>();
        users.MapGet("/{id:guid}", Get);
        return app;
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> SetRoles(
        Guid id, SetRolesRequest request, UserStore users, CancellationToken cancellationToken)
    {
        if (!await users.SetRolesAsync(id, request.Roles!, cancellationToken))
        {
            return Problems.NotFound("No such user.");
        }

        var user = await users.FindByIdAsync(id, cancellationToken);
        return TypedResults.Ok(AuthApi.ToResponse(user!));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Get(Guid id, UserStore users, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        return user is null ? Problems.NotFound("No such user.") : TypedResults.Ok(AuthApi.ToResponse(user));
    }
}
