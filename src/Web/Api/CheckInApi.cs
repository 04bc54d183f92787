using System.Security.Claims;
using Fashionistas.Silo.CheckIns;
using Fashionistas.Silo.Localization;
using Fashionistas.Silo.Tickets;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>The door: the event's organizer, its door staff or admins scan ticket codes; each ticket is admitted once.</summary>
public static class CheckInApi
{
    public static IEndpointRouteBuilder MapCheckInApi(this IEndpointRouteBuilder app)
    {
        // Signed in is enough to ask: the event's organizer, an admin or its door staff get through Authorize.
        var checkIns = app.MapGroup("/api/events/{id:guid}/check-ins").WithTags("Check-in").RequireAuthorization();
        checkIns.MapPost("/", CheckIn).Validates<CheckInRequest>().Answers(Status403Forbidden, Status404NotFound, Status409Conflict, Status410Gone);
        checkIns.MapGet("/summary", Summary).Answers(Status403Forbidden, Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> CheckIn(
        Guid id, CheckInRequest request, ClaimsPrincipal user, CheckInService checkIns, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await Authorize(id, user, checkIns, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!TicketCodeGenerator.TryParse(request.Code, out var code))
        {
            return Problems.NotFound("No ticket with this code for this event.");
        }

        return await checkIns.CheckInAsync(id, code, user.UserId(), time.GetUtcNow(), cancellationToken) switch
        {
            CheckInOutcome.Admitted a => TypedResults.Ok(new CheckInResponse(
                a.Ticket.Id, a.Ticket.AttendeeName ?? a.Ticket.OwnerName, a.Ticket.TicketTypeName, a.CheckedInAt, a.Ticket.AttendeeDocument, a.Ticket.OwnerName)),
            CheckInOutcome.AlreadyCheckedIn again => Problems.Conflict(
                $"Already checked in at {Bogota.Clock(again.CheckedInAt)}.",
                $"{again.Ticket.AttendeeName ?? again.Ticket.OwnerName} ({again.Ticket.TicketTypeName}) was admitted at {Bogota.DateAndTime(again.CheckedInAt)} (Bogotá time).",
                new Dictionary<string, object?>
                {
                    ["ticketId"] = again.Ticket.Id,
                    ["attendeeName"] = again.Ticket.AttendeeName ?? again.Ticket.OwnerName,
                    ["attendeeDocument"] = again.Ticket.AttendeeDocument,
                    ["checkedInAt"] = again.CheckedInAt,
                    ["reason"] = "already_checked_in",
                }),
            CheckInOutcome.Void => Problems.Conflict(
                "The ticket is void.", "It was refunded or cancelled.", new Dictionary<string, object?> { ["reason"] = "void" }),
            CheckInOutcome.Transferred => TypedResults.Problem(
                title: "The ticket was transferred.",
                detail: "Its new holder has a ticket with a new code; this one no longer admits anyone.",
                statusCode: StatusCodes.Status410Gone,
                extensions: new Dictionary<string, object?> { ["reason"] = "transferred" }),
            _ => Problems.NotFound("No ticket with this code for this event."),
        };
    }

    private static async Task<Results<Ok<CheckInSummaryResponse>, ProblemHttpResult>> Summary(
        Guid id, ClaimsPrincipal user, CheckInService checkIns, CancellationToken cancellationToken)
    {
        if (await Authorize(id, user, checkIns, cancellationToken) is { } denied)
        {
            return denied;
        }

        var summary = await checkIns.SummaryAsync(id, cancellationToken);
        return TypedResults.Ok(new CheckInSummaryResponse(summary.EventId, summary.CheckedIn, summary.Sold));
    }

    private static async Task<ProblemHttpResult?> Authorize(Guid eventId, ClaimsPrincipal user, CheckInService checkIns, CancellationToken cancellationToken)
    {
        var access = await checkIns.DoorAccessAsync(eventId, user.TryUserId(), cancellationToken);
        if (access is not { } door)
        {
            return Problems.NotFound("No such event.");
        }

        return user.CanManage(door.OrganizerId) || door.IsStaff
            ? null
            : Problems.Forbidden("Only the event's organizer, its door staff or an admin may check people in.");
    }
}
