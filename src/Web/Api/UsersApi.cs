using System.Security.Claims;
using Fashionistas.Silo.Accounts;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>User administration (admins): find accounts, grant and remove roles.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", List);
        users.MapPut("/{id:guid}/roles", SetRoles).Validates<SetRolesRequest>().Answers(Status404NotFound, Status409Conflict);
        users.MapGet("/{id:guid}", Get).Answers(Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<PagedResponse<UserSummary>>, ValidationProblem>> List(
        UserDirectory directory, CancellationToken cancellationToken,
        string? search = null, string? role = null, int page = 1, int pageSize = 20)
    {
        var filter = new UserListFilter(search, role);
        if (filter.Validate() is { IsValid: false } validation)
        {
            return Problems.Invalid(validation.Errors);
        }

        return await PagedLists.ListAsync(page, pageSize,
            (p, size, ct) => directory.ListAsync(filter.Search, filter.Role, p, size, ct), cancellationToken);
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> SetRoles(
        Guid id, SetRolesRequest request, ClaimsPrincipal principal, RoleAssignments roles, UserStore users,
        CurrentRights rights, CancellationToken cancellationToken)
    {
        switch (await roles.SetAsync(id, request.Roles!, principal.TryUserId(), cancellationToken))
        {
            case RoleChangeOutcome.NoSuchUser:
                return Problems.NotFound("No such user.");
            case RoleChangeOutcome.LastAdmin:
                return Problems.Conflict("This is the last admin.", "Make someone else an admin first, so the product always has one.");
            case RoleChangeOutcome.OwnRightsRaised:
                return Problems.Forbidden("Nobody can give themselves a role; another admin must.");
        }

        // This node refuses the user's old tokens from the next request; other nodes within Auth:Rights:StampCacheDuration.
        rights.Forget(id);

        var user = await users.FindByIdAsync(id, cancellationToken);
        return TypedResults.Ok(AuthApi.ToResponse(user!));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Get(Guid id, UserStore users, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        return user is null ? Problems.NotFound("No such user.") : TypedResults.Ok(AuthApi.ToResponse(user));
    }
}
