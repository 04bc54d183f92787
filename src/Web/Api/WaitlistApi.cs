using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Orleans;
using Fashionistas.Silo.Waitlist;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Waitlists of sold-out ticket types: join (only while the event sells and the tier has no seat free), see one's
/// place, leave; the event's organizer sees each tier's line. Seats coming back are announced by
/// <see cref="WaitlistNotifier"/>, not here.
/// </summary>
public static class WaitlistApi
{
    private const int MaxEntriesListed = 200;

    public static IEndpointRouteBuilder MapWaitlistApi(this IEndpointRouteBuilder app)
    {
        var waitlist = app.MapGroup("/api").WithTags("Waitlist").RequireAuthorization();
        waitlist.MapGet("/ticket-types/{id:guid}/waitlist", Get).Answers(Status404NotFound);
        waitlist.MapDelete("/ticket-types/{id:guid}/waitlist", Leave).Answers(Status404NotFound);
        waitlist.MapGet("/me/waitlist", Mine);

        // Joining asks the ticket type's grain for its seats: it shares the purchase path's rate limits.
        app.MapGroup("/api").WithTags("Waitlist").RequireAuthorization().OnPurchasePath()
            .MapPost("/ticket-types/{id:guid}/waitlist", Join).Answers(Status404NotFound, Status409Conflict);

        app.MapGroup("/api/events/{id:guid}/waitlists").WithTags("Waitlist")
            .RequireAuthorization(Policies.Organizer).ForEventManagers()
            .MapGet("/", OfEvent);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TierWaitlist>>> OfEvent(Guid id, EventWaitlists waitlists, CancellationToken cancellationToken) =>
        TypedResults.Ok(await waitlists.ListAsync(id, cancellationToken));

    private static async Task<Results<Created<WaitlistEntryResponse>, Ok<WaitlistEntryResponse>, ProblemHttpResult>> Join(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, WaitlistStore store, WaitlistTracker tracker,
        IOptions<WaitlistOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var ticketType = grains.GetGrain<ITicketTypeGrain>(id);
        var availability = await ticketType.GetAvailability();
        var show = availability is null ? null : await grains.GetGrain<IEventGrain>(availability.EventId).Get();
        var definition = show?.TicketTypes.FirstOrDefault(t => t.Id == id)?.Definition;
        // A hidden tier is sold by code only: it has no public waitlist.
        if (availability is null || show is null || definition is null || !user.CanSee(show) || definition.Hidden)
        {
            return Problems.NotFound("No such ticket type.");
        }

        var now = time.GetUtcNow();
        if (show.Status is not (EventStatus.OnSale or EventStatus.SoldOut))
        {
            return Problems.Conflict("The event is not on sale.", $"It is {show.Status.ToStorageName()}; waitlists are open while it sells.");
        }

        if (definition.SalesEnd is { } salesEnd && salesEnd <= now)
        {
            return Problems.Conflict("Sales of this ticket type have ended.");
        }

        if (availability.Available > 0)
        {
            return Problems.Conflict("Seats are available: buy instead.", $"{availability.Available} seats are available now.",
                new Dictionary<string, object?> { ["available"] = availability.Available });
        }

        var outcome = await store.JoinAsync(id, availability.EventId, user.UserId(), options.Value.MaxEntriesPerTicketType, now, cancellationToken);
        if (outcome is WaitlistJoinOutcome.Full full)
        {
            return Problems.Conflict("The waitlist is full.", $"It already holds {full.Max} people.",
                new Dictionary<string, object?> { ["max"] = full.Max });
        }

        var joined = (WaitlistJoinOutcome.Joined)outcome;

        // Seats may have come back between the check and the join, before the tracker knew this ticket type had
        // waiters: hand it the current availability so that change is not missed.
        if (await ticketType.GetAvailability() is { } current)
        {
            tracker.Track(current);
        }

        var body = ToResponse(joined.Entry);
        return joined.Created
            ? TypedResults.Created($"/api/ticket-types/{id}/waitlist", body)
            : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<WaitlistEntryResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, WaitlistStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, user.UserId(), cancellationToken) is { } entry
            ? TypedResults.Ok(ToResponse(entry))
            : Problems.NotFound("You are not on this waitlist.");

    private static async Task<Results<NoContent, ProblemHttpResult>> Leave(
        Guid id, ClaimsPrincipal user, WaitlistStore store, CancellationToken cancellationToken) =>
        await store.LeaveAsync(id, user.UserId(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("You are not on this waitlist.");

    private static async Task<Ok<IReadOnlyList<MyWaitlistEntry>>> Mine(
        ClaimsPrincipal user, WaitlistStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListMineAsync(user.UserId(), MaxEntriesListed, cancellationToken));

    private static WaitlistEntryResponse ToResponse(WaitlistPosition entry) =>
        new(entry.TicketTypeId, entry.Position, entry.JoinedAt, entry.NotifiedAt);
}
