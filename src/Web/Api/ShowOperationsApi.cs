using Fashionistas.Silo.Shows;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>
/// Running a show, for the event's organizer (or an admin): the running order (segments, collections, models per look)
/// and the backstage schedule (fittings, hair and make-up, rehearsal, call times). People in the show read their part
/// on their agenda (<see cref="AgendaApi"/>).
/// </summary>
public static class ShowOperationsApi
{
    public static IEndpointRouteBuilder MapShowOperationsApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/events/{id:guid}").WithTags("Show operations")
            .RequireAuthorization(Auth.Policies.Organizer).ForEventManagers();
        manage.MapGet("/running-order", RunningOrder);
        manage.MapPut("/running-order", ReplaceRunningOrder).Validates<RunningOrderRequest>();
        manage.MapGet("/backstage", Backstage);
        manage.MapPost("/backstage", AddSlot).Validates<BackstageSlotRequest>();
        manage.MapDelete("/backstage/{slotId:guid}", DeleteSlot);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RunningOrderEntry>>> RunningOrder(
        Guid id, RunningOrderStore runningOrders, CancellationToken cancellationToken) =>
        TypedResults.Ok(await runningOrders.GetAsync(id, cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<RunningOrderEntry>>, ProblemHttpResult>> ReplaceRunningOrder(
        Guid id, RunningOrderRequest request, RunningOrderStore runningOrders, CancellationToken cancellationToken) =>
        await runningOrders.ReplaceAsync(id, request.ToLines(), cancellationToken) switch
        {
            RunningOrderOutcome.Done => TypedResults.Ok(await runningOrders.GetAsync(id, cancellationToken)),
            RunningOrderOutcome.CollectionNotInShow => Problems.Conflict("Every collection in the running order must be accepted for this show."),
            _ => Problems.Conflict("Every model in the running order must have accepted a casting for this show."),
        };

    private static async Task<Ok<IReadOnlyList<BackstageSlot>>> Backstage(Guid id, BackstageStore backstage, CancellationToken cancellationToken) =>
        TypedResults.Ok(await backstage.ListAsync(id, cancellationToken));

    private static async Task<Results<Created<BackstageSlot>, ProblemHttpResult>> AddSlot(
        Guid id, BackstageSlotRequest request, BackstageStore backstage, CancellationToken cancellationToken) =>
        await backstage.AddAsync(id, request.ToFields(), cancellationToken) is { } slot
            ? TypedResults.Created($"/api/events/{id}/backstage/{slot.Id}", slot)
            : Problems.Conflict("That person is not in this show (an accepted model, or the designer of an accepted collection).");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteSlot(
        Guid id, Guid slotId, BackstageStore backstage, CancellationToken cancellationToken) =>
        await backstage.DeleteAsync(id, slotId, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("No such slot in this event.");
}
