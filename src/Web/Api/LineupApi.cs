using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Orleans;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// An event's show lineup (accepted collections and models, and sponsors): anyone who may see the event reads it.
/// Collections join through <see cref="ShowApplicationsApi"/>, models through <see cref="CastingsApi"/>. Each public read
/// counts a view of every sponsor's placement (in memory, flushed to the database in batches), for the sponsors' figures.
/// </summary>
public static class LineupApi
{
    public static IEndpointRouteBuilder MapLineupApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/{id:guid}/lineup", Get).WithTags("Lineup").Answers(Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<Lineup>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, LineupStore lineups, PlacementViewCounter views,
        CancellationToken cancellationToken)
    {
        var snapshot = await grains.GetGrain<IEventGrain>(id).Get();
        if (snapshot is null || !user.CanSee(snapshot))
        {
            return Problems.NotFound("No such event.");
        }

        var lineup = await lineups.GetAsync(id, cancellationToken);
        // The event's own managers previewing their page are not an audience.
        if (!user.CanManage(snapshot.OrganizerId))
        {
            views.Count(id, lineup.Sponsors.Select(s => s.SponsorId));
        }

        return TypedResults.Ok(lineup);
    }
}
