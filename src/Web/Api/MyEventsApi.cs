using System.Security.Claims;
using Fashionistas.Silo.Catalog;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>The events the signed-in organizer manages (admins: every event), for the organizer pages.</summary>
public static class MyEventsApi
{
    public static IEndpointRouteBuilder MapMyEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/events", List).WithTags("Events").RequireAuthorization(Policies.Organizer);
        return app;
    }

    private static async Task<Results<Ok<EventListResponse>, ValidationProblem>> List(
        ClaimsPrincipal user, ManagedEvents events, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        if (Paging.Check(page, pageSize) is { IsValid: false } validation)
        {
            return Problems.Invalid(validation.Errors);
        }

        var (items, total) = await events.ListAsync(user.IsAdmin() ? null : user.UserId(), page, pageSize, cancellationToken);
        return TypedResults.Ok(new EventListResponse(items, page, pageSize, total));
    }
}
