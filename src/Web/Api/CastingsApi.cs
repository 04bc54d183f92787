using System.Security.Claims;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>
/// Castings: the event's organizer (or an admin) invites a model with a call time; the model accepts or declines
/// their own invitations. Only accepted models are in the lineup.
/// </summary>
public static class CastingsApi
{
    public static IEndpointRouteBuilder MapCastingsApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/events/{id:guid}").WithTags("Castings")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        manage.MapGet("/castings", ForEvent);
        manage.MapPut("/models/{modelId:guid}", Invite).Validates<CastingRequest>();
        manage.MapDelete("/models/{modelId:guid}", Remove);

        var mine = app.MapGroup("/api/me/model/castings").WithTags("Castings").RequireAuthorization(IndustryPolicies.Model);
        mine.MapGet("/", Mine);
        mine.MapPut("/{eventId:guid}", Answer).Validates<AnswerRequest>();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<Casting>>> ForEvent(Guid id, CastingStore castings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await castings.ForEventAsync(id, cancellationToken));

    private static async Task<Results<Ok<Casting>, ProblemHttpResult>> Invite(
        Guid id, Guid modelId, CastingRequest request, CastingStore castings, CancellationToken cancellationToken) =>
        await castings.InviteAsync(id, modelId, request.CallTime?.UtcDateTime, request.Note.OrNull(), cancellationToken) is { } casting
            ? TypedResults.Ok(casting)
            : Problems.NotFound("No such model.");

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid id, Guid modelId, CastingStore castings, CancellationToken cancellationToken) =>
        await castings.RemoveAsync(id, modelId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("That model is not cast for this event.");

    private static async Task<Ok<IReadOnlyList<Casting>>> Mine(ClaimsPrincipal user, CastingStore castings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await castings.ForModelAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<Casting>, ProblemHttpResult>> Answer(
        Guid eventId, AnswerRequest request, ClaimsPrincipal user, CastingStore castings, CancellationToken cancellationToken) =>
        await castings.AnswerAsync(eventId, user.UserId(), request.Accepts, cancellationToken) is { } casting
            ? TypedResults.Ok(casting)
            : Problems.NotFound("You have no invitation for this event.");
}
