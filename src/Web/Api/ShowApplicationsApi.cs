using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Orleans;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>
/// Collections join a show by consent: the owning designer applies (and may withdraw); the event's organizer (or an
/// admin) accepts or declines. Only accepted collections are in the lineup.
/// </summary>
public static class ShowApplicationsApi
{
    public static IEndpointRouteBuilder MapShowApplicationsApi(this IEndpointRouteBuilder app)
    {
        var designer = app.MapGroup("/api").WithTags("Show applications").RequireAuthorization(IndustryPolicies.Designer);
        designer.MapPost("/collections/{id:guid}/applications", Apply).Validates<ApplicationRequest>();
        designer.MapDelete("/collections/{id:guid}/applications/{eventId:guid}", Withdraw);
        designer.MapGet("/me/designer/applications", Mine);

        var manage = app.MapGroup("/api/events/{id:guid}").WithTags("Show applications")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        manage.MapGet("/applications", ForEvent);
        manage.MapPut("/collections/{collectionId:guid}", Accept);
        manage.MapDelete("/collections/{collectionId:guid}", Decline);
        return app;
    }

    private static async Task<Results<Ok<ShowApplication>, ProblemHttpResult>> Apply(
        Guid id, ApplicationRequest request, ClaimsPrincipal user, CollectionStore collections, ShowApplicationStore applications,
        IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await OwnCollectionAsync(id, user, collections, cancellationToken) is { } refused)
        {
            return refused;
        }

        var show = await grains.GetGrain<IEventGrain>(request.EventId!.Value).Get();
        if (show is null || !user.CanSee(show))
        {
            return Problems.NotFound("No such event.");
        }

        var (outcome, application) = await applications.ApplyAsync(show.Id, id, request.Note.OrNull(), cancellationToken);
        return outcome == ApplicationOutcome.Done
            ? TypedResults.Ok(application!)
            : Problems.Conflict("The organizer declined this collection for this show.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(
        Guid id, Guid eventId, ClaimsPrincipal user, CollectionStore collections, ShowApplicationStore applications,
        CancellationToken cancellationToken)
    {
        if (await OwnCollectionAsync(id, user, collections, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await applications.WithdrawAsync(eventId, id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("This collection has not applied to that show.");
    }

    private static async Task<Ok<IReadOnlyList<ShowApplication>>> Mine(
        ClaimsPrincipal user, ShowApplicationStore applications, CancellationToken cancellationToken) =>
        TypedResults.Ok(await applications.ForDesignerAsync(user.UserId(), cancellationToken));

    private static async Task<Ok<IReadOnlyList<ShowApplication>>> ForEvent(
        Guid id, ShowApplicationStore applications, CancellationToken cancellationToken) =>
        TypedResults.Ok(await applications.ForEventAsync(id, cancellationToken));

    private static Task<Results<NoContent, ProblemHttpResult>> Accept(
        Guid id, Guid collectionId, ShowApplicationStore applications, CancellationToken cancellationToken) =>
        DecideAsync(id, collectionId, accept: true, applications, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> Decline(
        Guid id, Guid collectionId, ShowApplicationStore applications, CancellationToken cancellationToken) =>
        DecideAsync(id, collectionId, accept: false, applications, cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> DecideAsync(
        Guid id, Guid collectionId, bool accept, ShowApplicationStore applications, CancellationToken cancellationToken) =>
        await applications.DecideAsync(id, collectionId, accept, cancellationToken) == ApplicationOutcome.Done
            ? TypedResults.NoContent()
            : Problems.NotFound("This collection's designer has not applied to this show: a collection joins only with its designer's consent.");

    /// <summary>
    /// Null when the caller owns the collection. Only its designer can consent to a show, so admins are refused too.
    /// </summary>
    private static async Task<ProblemHttpResult?> OwnCollectionAsync(
        Guid id, ClaimsPrincipal user, CollectionStore collections, CancellationToken cancellationToken) =>
        await collections.FindAsync(id, cancellationToken) switch
        {
            null => Problems.NotFound("No such collection."),
            var collection when collection.DesignerId != user.UserId() => Problems.Forbidden("This is not your collection."),
            _ => null,
        };
}
