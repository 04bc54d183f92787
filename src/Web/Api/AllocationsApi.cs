using System.Security.Claims;
using Fashionistas.Silo.Allocations;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Api.Contracts.Allocations;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Reserved allocations of an event's tiers (its organizer or an admin): set seats aside, issue comp tickets to named
/// people, release unused seats to the public. A sponsor account issues comps from its own sponsor's allocations.
/// </summary>
public static class AllocationsApi
{
    public static IEndpointRouteBuilder MapAllocationsApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/events/{id:guid}/allocations").WithTags("Allocations")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        manage.MapGet("", List);
        manage.MapPost("", Create).Validates<AllocationRequest>().Answers(Status409Conflict);
        manage.MapPost("/{allocationId:guid}/tickets", Issue).Validates<CompTicketsRequest>().Answers(Status409Conflict);
        manage.MapPost("/{allocationId:guid}/release", Release).Answers(Status409Conflict);

        app.MapGet("/api/me/sponsor/allocations", SponsorList).WithTags("Allocations").RequireAuthorization(IndustryPolicies.Sponsor)
            .Answers(Status404NotFound);
        app.MapPost("/api/me/sponsor/allocations/{allocationId:guid}/tickets", SponsorIssue).WithTags("Allocations")
            .RequireAuthorization(IndustryPolicies.Sponsor).Validates<CompTicketsRequest>().Answers(Status404NotFound, Status409Conflict);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<Allocation>>> List(Guid id, AllocationStore allocations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await allocations.OfEventAsync(id, cancellationToken));

    private static async Task<Results<Created<Allocation>, ProblemHttpResult>> Create(
        Guid id, AllocationRequest request, ClaimsPrincipal user, AllocationService service, CancellationToken cancellationToken) =>
        await service.CreateAsync(id, request.ToFields(), user.UserId(), cancellationToken) switch
        {
            AllocationOutcome.Done done => TypedResults.Created($"/api/events/{id}/allocations/{done.Allocation.Id}", done.Allocation),
            AllocationOutcome.Refused refused => Problems.Conflict("The allocation cannot be made.", refused.Reason),
            AllocationOutcome.NotFound notFound => Problems.NotFound(notFound.What),
            _ => throw new InvalidOperationException("Unknown allocation outcome."),
        };

    private static async Task<Results<Ok<CompTicketsResponse>, ProblemHttpResult>> Issue(
        Guid id, Guid allocationId, CompTicketsRequest request, AllocationStore allocations, AllocationService service,
        CancellationToken cancellationToken) =>
        await allocations.FindAsync(allocationId, cancellationToken) is { } allocation && allocation.EventId == id
            ? ToAnswer(await service.IssueAsync(allocation, request.ToGuests(), cancellationToken))
            : Problems.NotFound("No such allocation in this event.");

    private static async Task<Results<Ok<Allocation>, ProblemHttpResult>> Release(
        Guid id, Guid allocationId, AllocationStore allocations, AllocationService service, CancellationToken cancellationToken)
    {
        if (await allocations.FindAsync(allocationId, cancellationToken) is not { } allocation || allocation.EventId != id)
        {
            return Problems.NotFound("No such allocation in this event.");
        }

        return await service.ReleaseAsync(allocation, cancellationToken) switch
        {
            AllocationOutcome.Done done => TypedResults.Ok(done.Allocation),
            AllocationOutcome.Refused refused => Problems.Conflict("The allocation cannot be released.", refused.Reason),
            _ => Problems.NotFound("No such allocation in this event."),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<Allocation>>, ProblemHttpResult>> SponsorList(
        ClaimsPrincipal user, SponsorStore sponsors, AllocationStore allocations, CancellationToken cancellationToken) =>
        await sponsors.SponsorOfMemberAsync(user.UserId(), cancellationToken) is { } sponsor
            ? TypedResults.Ok(await allocations.OfSponsorAsync(sponsor.Id, cancellationToken))
            : Problems.NotFound("Your account is not linked to a sponsor yet.");

    /// <summary>Another sponsor's allocation is answered as one that does not exist.</summary>
    private static async Task<Results<Ok<CompTicketsResponse>, ProblemHttpResult>> SponsorIssue(
        Guid allocationId, CompTicketsRequest request, ClaimsPrincipal user, SponsorStore sponsors, AllocationStore allocations,
        AllocationService service, CancellationToken cancellationToken)
    {
        var sponsor = await sponsors.SponsorOfMemberAsync(user.UserId(), cancellationToken);
        var allocation = await allocations.FindAsync(allocationId, cancellationToken);
        return sponsor is not null && allocation is not null && allocation.SponsorId == sponsor.Id
            ? ToAnswer(await service.IssueAsync(allocation, request.ToGuests(), cancellationToken))
            : Problems.NotFound("No such allocation of your sponsor.");
    }

    private static Results<Ok<CompTicketsResponse>, ProblemHttpResult> ToAnswer(CompIssueOutcome outcome) => outcome switch
    {
        CompIssueOutcome.Issued issued => TypedResults.Ok(new CompTicketsResponse(
            [.. issued.Comps.Select(c => new IssuedCompResponse(c.OrderId, c.OwnerId, c.Name, c.Ticket.TicketId))], issued.Seats)),
        CompIssueOutcome.NotEnoughSeats none => Problems.Conflict("Not enough seats left in the allocation.",
            $"Only {none.Remaining} seats are left.", new Dictionary<string, object?> { ["remaining"] = none.Remaining }),
        CompIssueOutcome.Refused refused => Problems.Conflict("The comp tickets cannot be issued.", refused.Reason),
        _ => Problems.NotFound("No such allocation."),
    };
}
