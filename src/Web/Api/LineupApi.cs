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
/// An event's show lineup: its organizer (or an admin) attaches designers' collections and models; anyone who may
/// see the event reads the lineup (with its sponsors).
/// </summary>
public static class LineupApi
{
    public static IEndpointRouteBuilder MapLineupApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/{id:guid}/lineup", Get).WithTags("Lineup").Answers(Status404NotFound);

        var manage = app.MapGroup("/api/events/{id:guid}").WithTags("Lineup")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        manage.MapPut("/collections/{collectionId:guid}", AttachCollection);
        manage.MapDelete("/collections/{collectionId:guid}", DetachCollection);
        manage.MapPut("/models/{modelId:guid}", AttachModel);
        manage.MapDelete("/models/{modelId:guid}", DetachModel);
        return app;
    }

    private static async Task<Results<Ok<Lineup>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, LineupStore lineups, CancellationToken cancellationToken)
    {
        var snapshot = await grains.GetGrain<IEventGrain>(id).Get();
        return snapshot is null || !user.CanSee(snapshot)
            ? Problems.NotFound("No such event.")
            : TypedResults.Ok(await lineups.GetAsync(id, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AttachCollection(
        Guid id, Guid collectionId, LineupStore lineups, CancellationToken cancellationToken) =>
        await lineups.AttachCollectionAsync(id, collectionId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("No such collection.");

    private static async Task<Results<NoContent, ProblemHttpResult>> DetachCollection(
        Guid id, Guid collectionId, LineupStore lineups, CancellationToken cancellationToken) =>
        await lineups.DetachCollectionAsync(id, collectionId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("That collection is not in this event's lineup.");

    private static async Task<Results<NoContent, ProblemHttpResult>> AttachModel(
        Guid id, Guid modelId, LineupStore lineups, CancellationToken cancellationToken) =>
        await lineups.AttachModelAsync(id, modelId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("No such model.");

    private static async Task<Results<NoContent, ProblemHttpResult>> DetachModel(
        Guid id, Guid modelId, LineupStore lineups, CancellationToken cancellationToken) =>
        await lineups.DetachModelAsync(id, modelId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("That model is not in this event's lineup.");
}
