using System.Security.Claims;
using Fashionistas.Silo.Catalog;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>The events the signed-in organizer manages (admins: every event), for the organizer pages.</summary>
public static class MyEventsApi
{
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapMyEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/events", List).WithTags("Events").RequireAuthorization(Policies.Organizer);
        return app;
    }

    private static async Task<Results<Ok<EventListResponse>, ValidationProblem>> List(
        ClaimsPrincipal user, ManagedEvents events, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var validation = new Validation()
            .Require(page >= 1, "page", "page starts at 1.")
            .Require(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"pageSize must be 1 to {MaxPageSize}.");
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var (items, total) = await events.ListAsync(user.IsAdmin() ? null : user.UserId(), page, pageSize, cancellationToken);
        return TypedResults.Ok(new EventListResponse(items, page, pageSize, total));
    }
}
