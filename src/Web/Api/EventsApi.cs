using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Orleans;
using Fashionistas.Silo.Catalog;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>Events, their lifecycle and their ticket tiers.</summary>
public static class EventsApi
{
    private const int MaxSearchLength = 100;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapGet("/", List).AllowAnonymous();
        events.MapGet("/{id:guid}", Get).AllowAnonymous().Answers(Status404NotFound);
        events.MapGet("/{id:guid}/availability", Availability).AllowAnonymous().Answers(Status404NotFound);
        events.MapPost("/", Create).RequireAuthorization(Policies.Organizer).Validates<EventRequest>();

        var manage = events.MapGroup("/{id:guid}").RequireAuthorization(Policies.Organizer).ForEventManagers();
        manage.MapPut("/", Update).Validates<EventRequest>().Answers(Status404NotFound, Status409Conflict);
        manage.MapDelete("/", Delete).Answers(Status404NotFound, Status409Conflict);
        manage.MapPost("/status", ChangeStatus).Validates<StatusChangeRequest>().Answers(Status404NotFound, Status409Conflict);
        manage.MapPost("/ticket-types", AddTicketType).Validates<TicketTypeRequest>().Answers(Status404NotFound, Status409Conflict);
        manage.MapPut("/ticket-types/{ticketTypeId:guid}", UpdateTicketType).Validates<TicketTypeRequest>()
            .Answers(Status404NotFound, Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<EventListResponse>, ValidationProblem>> List(
        ClaimsPrincipal user, EventCatalog catalog, TimeProvider time, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? status = null, int page = 1, int pageSize = 20,
        string? q = null, bool upcoming = false)
    {
        var validation = Paging.Check(page, pageSize)
            .Require(status is null || EventStatusNames.TryParse(status, out _), "status", "status is not an event status.")
            .Require(from is null || to is null || to > from, "to", "to must be after from.")
            .Require(q is null || q.Length <= MaxSearchLength, "q", $"q must be at most {MaxSearchLength} characters.");
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var query = new EventListQuery(from, to, status, page, pageSize,
            user.IsInRole(Silo.Accounts.UserRoles.Organizer) ? user.TryUserId() : null, user.IsAdmin(), q,
            upcoming ? time.GetUtcNow() : null);
        var (items, total) = await catalog.ListAsync(query, cancellationToken);
        return TypedResults.Ok(new EventListResponse(items, page, pageSize, total));
    }

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var snapshot = await grains.GetGrain<IEventGrain>(id).Get();
        return snapshot is null || !IsVisibleTo(snapshot, user)
            ? Problems.NotFound("No such event.")
            : TypedResults.Ok(EventMapping.ToResponse(PublicView(snapshot, user)));
    }

    private static async Task<Results<Ok<EventAvailabilityResponse>, ProblemHttpResult>> Availability(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var snapshot = await grains.GetGrain<IEventGrain>(id).Get();
        if (snapshot is null || !IsVisibleTo(snapshot, user))
        {
            return Problems.NotFound("No such event.");
        }

        var counters = await Task.WhenAll(PublicView(snapshot, user).TicketTypes.Select(async t =>
        {
            var a = await grains.GetGrain<ITicketTypeGrain>(t.Id).GetAvailability();
            return a is null ? null : new AvailabilityResponse(t.Id, t.Definition.Name, a.Capacity, a.Available, a.Held, a.Sold);
        }));
        return TypedResults.Ok(new EventAvailabilityResponse(id, snapshot.Status.ToStorageName(),
            [.. counters.OfType<AvailabilityResponse>()], time.GetUtcNow()));
    }

    private static async Task<Results<Created<EventResponse>, ProblemHttpResult>> Create(EventRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var id = Guid.NewGuid();
        return await grains.GetGrain<IEventGrain>(id).Create(EventMapping.ToDraft(request), user.UserId()) switch
        {
            EventResult.Ok ok => TypedResults.Created($"/api/events/{id}", EventMapping.ToResponse(ok.Event)),
            var other => EventProblem(other, "The event cannot be created."),
        };
    }

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> Update(Guid id, EventRequest request, IGrainFactory grains) =>
        await grains.GetGrain<IEventGrain>(id).UpdateDraft(EventMapping.ToDraft(request)) switch
        {
            EventResult.Ok ok => TypedResults.Ok(EventMapping.ToResponse(ok.Event)),
            var other => EventProblem(other, "The event cannot be edited now."),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, IGrainFactory grains) =>
        await grains.GetGrain<IEventGrain>(id).Delete()
            ? TypedResults.NoContent()
            : Problems.Conflict("Only draft events can be deleted.", "Cancel the event instead.");

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> ChangeStatus(
        Guid id, StatusChangeRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IEventGrain>(id);
        if (await grain.Get() is { } current && EventLifecycle.RequiresAdmin(current.Status, request.Target) && !user.IsAdmin())
        {
            return Problems.Forbidden("Only an admin can publish an event after review.");
        }

        return await grain.Transition(request.Target, user.UserId(), request.Reason) switch
        {
            TransitionResult.Changed changed => TypedResults.Ok(EventMapping.ToResponse(changed.Event)),
            TransitionResult.Refused refused => Problems.Conflict("This status change is not allowed.", refused.Reason),
            _ => Problems.NotFound("No such event."),
        };
    }

    private static async Task<Results<Created<TicketTypeResponse>, ProblemHttpResult>> AddTicketType(
        Guid id, TicketTypeRequest request, IGrainFactory grains) =>
        await grains.GetGrain<IEventGrain>(id).AddTicketType(EventMapping.ToDefinition(request)) switch
        {
            TicketTypeResult.Ok ok => TypedResults.Created($"/api/events/{id}/ticket-types/{ok.TicketType.Id}", EventMapping.ToResponse(ok.TicketType)),
            var other => TicketTypeProblem(other, "The ticket type cannot be added."),
        };

    private static async Task<Results<Ok<TicketTypeResponse>, ProblemHttpResult>> UpdateTicketType(
        Guid id, Guid ticketTypeId, TicketTypeRequest request, IGrainFactory grains) =>
        await grains.GetGrain<IEventGrain>(id).UpdateTicketType(ticketTypeId, EventMapping.ToDefinition(request)) switch
        {
            TicketTypeResult.Ok ok => TypedResults.Ok(EventMapping.ToResponse(ok.TicketType)),
            var other => TicketTypeProblem(other, "The ticket type cannot be changed."),
        };

    private static ProblemHttpResult EventProblem(EventResult result, string refusedTitle) => result switch
    {
        EventResult.Invalid invalid => Problems.BadRequest("The event is not valid.", invalid.Reason),
        EventResult.Refused refused => Problems.Conflict(refusedTitle, refused.Reason),
        _ => Problems.NotFound("No such event."),
    };

    private static ProblemHttpResult TicketTypeProblem(TicketTypeResult result, string refusedTitle) => result switch
    {
        TicketTypeResult.Invalid invalid => Problems.BadRequest("The ticket type is not valid.", invalid.Reason),
        TicketTypeResult.Refused refused => Problems.Conflict(refusedTitle, refused.Reason),
        _ => Problems.NotFound("No such ticket type on this event."),
    };

    internal static bool IsVisibleTo(EventSnapshot snapshot, ClaimsPrincipal user) => user.CanSee(snapshot);

    /// <summary>The event without its hidden tiers, unless <paramref name="user"/> manages it (codes reveal them: CodesApi).</summary>
    internal static EventSnapshot PublicView(EventSnapshot snapshot, ClaimsPrincipal user) =>
        user.CanManage(snapshot.OrganizerId) ? snapshot : snapshot with { TicketTypes = [.. snapshot.TicketTypes.Where(t => !t.Definition.Hidden)] };
}
