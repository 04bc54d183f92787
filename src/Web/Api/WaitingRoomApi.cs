using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Fashionistas.Web.WaitingRoom;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>An event's waiting room as its organizer runs it: settings, switching off, pause and resume, counters.</summary>
public static class WaitingRoomApi
{
    public static IEndpointRouteBuilder MapWaitingRoomApi(this IEndpointRouteBuilder app)
    {
        var room = app.MapGroup("/api/events/{id:guid}/waiting-room").WithTags("Waiting room")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        room.MapGet("/", Get).Answers(Status404NotFound);
        room.MapPut("/", Configure).Validates<WaitingRoomRequest>().Answers(Status404NotFound);
        room.MapDelete("/", Disable).Answers(Status404NotFound);
        room.MapPost("/pause", (Guid id, IGrainFactory grains) => Pause(id, grains, paused: true)).Answers(Status404NotFound, Status409Conflict);
        room.MapPost("/resume", (Guid id, IGrainFactory grains) => Pause(id, grains, paused: false)).Answers(Status404NotFound, Status409Conflict);
        return app;
    }

    private static async Task<Ok<WaitingRoomResponse>> Get(Guid id, IGrainFactory grains) =>
        TypedResults.Ok(await ResponseAsync(await grains.GetGrain<IWaitingRoomGrain>(id).GetView(), grains));

    private static async Task<Ok<WaitingRoomResponse>> Configure(Guid id, WaitingRoomRequest request, IGrainFactory grains, WaitingRoomGate gate)
    {
        var view = await grains.GetGrain<IWaitingRoomGrain>(id).Configure(request.ToSettings());
        gate.Forget(id);
        return TypedResults.Ok(await ResponseAsync(view, grains));
    }

    private static async Task<Ok<WaitingRoomResponse>> Disable(Guid id, IGrainFactory grains, WaitingRoomGate gate)
    {
        var view = await grains.GetGrain<IWaitingRoomGrain>(id).Disable();
        gate.Forget(id);
        return TypedResults.Ok(await ResponseAsync(view, grains));
    }

    private static async Task<Results<Ok<WaitingRoomResponse>, ProblemHttpResult>> Pause(Guid id, IGrainFactory grains, bool paused)
    {
        var room = grains.GetGrain<IWaitingRoomGrain>(id);
        if (!(await room.GetView()).Enabled)
        {
            return Problems.Conflict("The event has no active waiting room.");
        }

        return TypedResults.Ok(await ResponseAsync(await room.SetPaused(paused), grains));
    }

    private static async Task<WaitingRoomResponse> ResponseAsync(WaitingRoomView view, IGrainFactory grains)
    {
        var snapshot = await grains.GetGrain<IEventGrain>(view.EventId).Get();
        var sold = 0;
        foreach (var ticketType in snapshot?.TicketTypes ?? [])
        {
            sold += (await grains.GetGrain<ITicketTypeGrain>(ticketType.Id).GetAvailability())?.Sold ?? 0;
        }

        var s = view.Settings;
        return new WaitingRoomResponse(
            view.EventId,
            view.Enabled,
            s?.OpensAt,
            s is null ? null : s.AdmissionPerMinute is null ? WaitingRoomRequest.Automatic : WaitingRoomRequest.Fixed,
            s?.AdmissionPerMinute,
            s is null ? null : (int)s.ShoppingTime.TotalMinutes,
            view.Paused,
            view.Opened,
            view.Waiting,
            view.AdmittedThrough,
            view.Early + view.Placed,
            Math.Round(view.MeasuredPerMinute, 1),
            sold,
            QueueUrls.Page(view.EventId),
            view.At);
    }
}
