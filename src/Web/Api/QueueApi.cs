using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Fashionistas.Web.WaitingRoom;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>An event's waiting room as buyers see it: the room, joining, and one's own place (with the pass once admitted).</summary>
public static class QueueApi
{
    public static IEndpointRouteBuilder MapQueueApi(this IEndpointRouteBuilder app)
    {
        var queue = app.MapGroup("/api/events/{id:guid}/queue").WithTags("Waiting room");
        queue.MapGet("/", Room).AllowAnonymous().Answers(Status404NotFound);
        // Joining is the first step of buying: the purchase path's limits apply.
        queue.MapGroup("/").RequireAuthorization().OnPurchasePath().MapPost("/", Join).Answers(Status404NotFound, Status409Conflict);
        queue.MapGet("/me", Mine).RequireAuthorization().Answers(Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<QueueRoomResponse>, ProblemHttpResult>> Room(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await VisibleEventAsync(id, user, grains) is null)
        {
            return Problems.NotFound("No such event.");
        }

        var room = await grains.GetGrain<IWaitingRoomGrain>(id).GetView();
        return TypedResults.Ok(new QueueRoomResponse(
            id, room.Enabled, room.Settings?.OpensAt, room.Opened, room.Paused, room.Waiting, room.AdmittedThrough,
            room.MeasuredPerMinute, QueueUrls.Page(id)));
    }

    private static async Task<Results<Ok<QueuePlaceResponse>, ProblemHttpResult>> Join(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, QueuePasses passes)
    {
        if (await VisibleEventAsync(id, user, grains) is null)
        {
            return Problems.NotFound("No such event.");
        }

        var place = await grains.GetGrain<IWaitingRoomGrain>(id).Join(user.UserId());
        return place.Status == QueueStatus.NotQueued
            ? Problems.Conflict("This event's sale has no waiting room.", "Buy directly on the event page.")
            : TypedResults.Ok(ToResponse(id, user.UserId(), place, passes));
    }

    private static async Task<Results<Ok<QueuePlaceResponse>, ProblemHttpResult>> Mine(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, QueuePasses passes)
    {
        if (await VisibleEventAsync(id, user, grains) is null)
        {
            return Problems.NotFound("No such event.");
        }

        var place = await grains.GetGrain<IWaitingRoomGrain>(id).GetPlace(user.UserId());
        return TypedResults.Ok(ToResponse(id, user.UserId(), place, passes));
    }

    private static async Task<EventSnapshot?> VisibleEventAsync(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var snapshot = await grains.GetGrain<IEventGrain>(id).Get();
        return snapshot is not null && user.CanSee(snapshot) ? snapshot : null;
    }

    private static QueuePlaceResponse ToResponse(Guid eventId, Guid accountId, QueuePlace place, QueuePasses passes)
    {
        var passExpires = place is { Status: QueueStatus.Admitted, AdmittedAt: { } admittedAt } ? admittedAt + place.ShoppingTime : (DateTimeOffset?)null;
        return new QueuePlaceResponse(
            eventId,
            StatusName(place.Status),
            place.Position,
            place.Ahead,
            place.AdmittedThrough,
            place.OpensAt,
            place.EstimatedAdmissionAt,
            place.EstimatedAdmissionAt is { } at ? Math.Max(0, (at - place.At).TotalSeconds) : null,
            place.AdmissionPerMinute,
            place.Paused,
            passExpires is { } expires && expires > place.At ? passes.Issue(eventId, accountId, expires) : null,
            passExpires,
            QueueUrls.Page(eventId),
            place.At);
    }

    private static string StatusName(QueueStatus status) => status switch
    {
        QueueStatus.Early => "early",
        QueueStatus.Waiting => "waiting",
        QueueStatus.Admitted => "admitted",
        _ => "notQueued",
    };
}
