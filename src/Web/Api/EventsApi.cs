using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Runtime;
using Fashionistas.Silo.Catalog;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>Events, their lifecycle and their ticket tiers.</summary>
public static class EventsApi
{
    private const int MaxPageSize = 100;
    private const int MaxReasonLength = 1000;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapGet("/", List).AllowAnonymous();
        events.MapGet("/{id:guid}", Get).AllowAnonymous();
        events.MapGet("/{id:guid}/availability", Availability).AllowAnonymous();

        var manage = events.MapGroup("/").RequireAuthorization(Policies.Organizer);
        manage.MapPost("/", Create);
        manage.MapPut("/{id:guid}", Update);
        manage.MapDelete("/{id:guid}", Delete);
        manage.MapPost("/{id:guid}/status", ChangeStatus);
        manage.MapPost("/{id:guid}/ticket-types", AddTicketType);
        manage.MapPut("/{id:guid}/ticket-types/{ticketTypeId:guid}", UpdateTicketType);
        return app;
    }

    private static async Task<Results<Ok<EventListResponse>, ValidationProblem>> List(
        ClaimsPrincipal user, EventCatalog catalog, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? status = null, int page = 1, int pageSize = 20)
    {
        var validation = new Validation()
            .Require(page >= 1, "page", "page starts at 1.")
            .Require(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"pageSize must be 1 to {MaxPageSize}.")
            .Require(status is null || EventStatusNames.TryParse(status, out _), "status", "status is not an event status.")
            .Require(from is null || to is null || to > from, "to", "to must be after from.");
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var query = new EventListQuery(from, to, status, page, pageSize,
            user.IsInRole(Silo.Accounts.UserRoles.Organizer) ? user.TryUserId() : null, user.IsAdmin());
        var (items, total) = await catalog.ListAsync(query, cancellationToken);
        return TypedResults.Ok(new EventListResponse(items, page, pageSize, total));
    }

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var snapshot = await grains.Get<IEventGrain>(id).Get();
        return snapshot is null || !IsVisibleTo(snapshot, user)
            ? Problems.NotFound("No such event.")
            : TypedResults.Ok(EventMapping.ToResponse(snapshot));
    }

    private static async Task<Results<Ok<EventAvailabilityResponse>, ProblemHttpResult>> Availability(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var snapshot = await grains.Get<IEventGrain>(id).Get();
        if (snapshot is null || !IsVisibleTo(snapshot, user))
        {
            return Problems.NotFound("No such event.");
        }

        var counters = await Task.WhenAll(snapshot.TicketTypes.Select(async t =>
        {
            var a = await grains.Get<ITicketTypeGrain>(t.Id).GetAvailability();
            return a is null ? null : new AvailabilityResponse(t.Id, t.Definition.Name, a.Capacity, a.Available, a.Held, a.Sold);
        }));
        return TypedResults.Ok(new EventAvailabilityResponse(id, snapshot.Status.ToStorageName(),
            [.. counters.OfType<AvailabilityResponse>()], time.GetUtcNow()));
    }

    private static async Task<Results<Created<EventResponse>, ValidationProblem, ProblemHttpResult>> Create(
        EventRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var validation = EventMapping.Check(request);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var id = Guid.NewGuid();
        return await grains.Get<IEventGrain>(id).Create(EventMapping.ToDraft(request), user.UserId()) switch
        {
            EventResult.Ok ok => TypedResults.Created($"/api/events/{id}", EventMapping.ToResponse(ok.Event)),
            EventResult.Invalid invalid => Problems.BadRequest("The event is not valid.", invalid.Reason),
            EventResult.Refused refused => Problems.Conflict("The event cannot be created.", refused.Reason),
            _ => Problems.NotFound("No such event."),
        };
    }

    private static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, EventRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.Get<IEventGrain>(id);
        if (await Authorize(grain, user) is { } denied)
        {
            return denied;
        }

        var validation = EventMapping.Check(request);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        return await grain.UpdateDraft(EventMapping.ToDraft(request)) switch
        {
            EventResult.Ok ok => TypedResults.Ok(EventMapping.ToResponse(ok.Event)),
            EventResult.Invalid invalid => Problems.BadRequest("The event is not valid.", invalid.Reason),
            EventResult.Refused refused => Problems.Conflict("The event cannot be edited now.", refused.Reason),
            _ => Problems.NotFound("No such event."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.Get<IEventGrain>(id);
        if (await Authorize(grain, user) is { } denied)
        {
            return denied;
        }

        return await grain.Delete()
            ? TypedResults.NoContent()
            : Problems.Conflict("Only draft events can be deleted.", "Cancel the event instead.");
    }

    private static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        Guid id, StatusChangeRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.Get<IEventGrain>(id);
        var snapshot = await grain.Get();
        if (snapshot is null || !user.CanManage(snapshot.OrganizerId))
        {
            return snapshot is null || !IsVisibleTo(snapshot, user) ? Problems.NotFound("No such event.") : Problems.Forbidden("You do not manage this event.");
        }

        EventStatus? to = null;
        var validation = new Validation()
            .Require(EventStatusNames.TryParse(request.Status, out to), "status",
                "status must be one of draft, review, revision, published, on_sale, sold_out, in_progress, completed, cancelled.")
            .Text(request.Reason, "reason", MaxReasonLength, required: false);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        if (to == EventStatus.Published && !user.IsAdmin())
        {
            return Problems.Forbidden("Only an admin can publish an event after review.");
        }

        return await grain.Transition(to!.Value, user.UserId(), request.Reason) switch
        {
            TransitionResult.Changed changed => TypedResults.Ok(EventMapping.ToResponse(changed.Event)),
            TransitionResult.Refused refused => Problems.Conflict("This status change is not allowed.", refused.Reason),
            _ => Problems.NotFound("No such event."),
        };
    }

    private static async Task<Results<Created<TicketTypeResponse>, ValidationProblem, ProblemHttpResult>> AddTicketType(
        Guid id, TicketTypeRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.Get<IEventGrain>(id);
        if (await Authorize(grain, user) is { } denied)
        {
            return denied;
        }

        var validation = EventMapping.Check(request);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        return await grain.AddTicketType(EventMapping.ToDefinition(request)) switch
        {
            TicketTypeResult.Ok ok => TypedResults.Created($"/api/events/{id}/ticket-types/{ok.TicketType.Id}", EventMapping.ToResponse(ok.TicketType)),
            TicketTypeResult.Invalid invalid => Problems.BadRequest("The ticket type is not valid.", invalid.Reason),
            TicketTypeResult.Refused refused => Problems.Conflict("The ticket type cannot be added.", refused.Reason),
            _ => Problems.NotFound("No such event."),
        };
    }

    private static async Task<Results<Ok<TicketTypeResponse>, ValidationProblem, ProblemHttpResult>> UpdateTicketType(
        Guid id, Guid ticketTypeId, TicketTypeRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.Get<IEventGrain>(id);
        if (await Authorize(grain, user) is { } denied)
        {
            return denied;
        }

        var validation = EventMapping.Check(request);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        return await grain.UpdateTicketType(ticketTypeId, EventMapping.ToDefinition(request)) switch
        {
            TicketTypeResult.Ok ok => TypedResults.Ok(EventMapping.ToResponse(ok.TicketType)),
            TicketTypeResult.Invalid invalid => Problems.BadRequest("The ticket type is not valid.", invalid.Reason),
            TicketTypeResult.Refused refused => Problems.Conflict("The ticket type cannot be changed.", refused.Reason),
            _ => Problems.NotFound("No such ticket type on this event."),
        };
    }

    /// <summary>404 when the caller may not even see the event, 403 when they see it but do not manage it.</summary>
    private static async Task<ProblemHttpResult?> Authorize(IEventGrain grain, ClaimsPrincipal user)
    {
        var snapshot = await grain.Get();
        if (snapshot is null || !IsVisibleTo(snapshot, user))
        {
            return Problems.NotFound("No such event.");
        }

        return user.CanManage(snapshot.OrganizerId) ? null : Problems.Forbidden("You do not manage this event.");
    }

    internal static bool IsVisibleTo(EventSnapshot snapshot, ClaimsPrincipal user) => user.CanSee(snapshot);
}
