using System.Security.Claims;
using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Tickets;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Attendee names: the owner of tickets names who uses them (and their document number when the event asks for one),
/// one ticket or several at once; the organizer decides whether the event asks. Changes after the order's confirmation
/// went out are mailed as updated tickets (<see cref="AttendeeNaming"/>).
/// </summary>
public static class AttendeesApi
{
    public static IEndpointRouteBuilder MapAttendeesApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization();
        tickets.MapPut("/{code}/attendee", Name).Validates<AttendeeRequest>().Answers(Status404NotFound, Status409Conflict);
        tickets.MapPut("/attendees", NameSeveral).Validates<AttendeesRequest>().Answers(Status404NotFound, Status409Conflict);
        app.MapGroup("/api/events/{id:guid}").WithTags("Events")
            .MapGet("/attendee-settings", Settings).AllowAnonymous();
        app.MapGroup("/api/events/{id:guid}").WithTags("Events").RequireAuthorization(Policies.Organizer).ForEventManagers()
            .MapPut("/attendee-settings", ChangeSettings);
        return app;
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Name(
        string code, AttendeeRequest request, ClaimsPrincipal user, AttendeeNaming naming, TicketQueries tickets, CancellationToken cancellationToken)
    {
        var outcome = await naming.NameAsync(user.UserId(), [new AttendeeChange(code, request.Name, request.Document)], cancellationToken);
        if (outcome is not NamingOutcome.Named named)
        {
            return Refusal(outcome);
        }

        var ticket = await tickets.FindByIdAsync(named.TicketIds[0], cancellationToken);
        return TypedResults.Ok(OrderMapping.ToResponse(ticket!));
    }

    private static async Task<Results<Ok<List<TicketResponse>>, ProblemHttpResult>> NameSeveral(
        AttendeesRequest request, ClaimsPrincipal user, AttendeeNaming naming, TicketQueries tickets, CancellationToken cancellationToken)
    {
        var changes = request.Attendees!.Select(a => new AttendeeChange(a.Code!, a.Name, a.Document)).ToList();
        var outcome = await naming.NameAsync(user.UserId(), changes, cancellationToken);
        if (outcome is not NamingOutcome.Named named)
        {
            return Refusal(outcome);
        }

        var answer = new List<TicketResponse>();
        foreach (var id in named.TicketIds)
        {
            answer.Add(OrderMapping.ToResponse((await tickets.FindByIdAsync(id, cancellationToken))!));
        }

        return TypedResults.Ok(answer);
    }

    private static ProblemHttpResult Refusal(NamingOutcome outcome) => outcome switch
    {
        NamingOutcome.Invalid invalid => Problems.BadRequest("The attendee is not valid.", invalid.Reason),
        NamingOutcome.Refused refused => Problems.Conflict(refused.Title, refused.Reason),
        _ => Problems.NotFound("No such ticket."),
    };

    private static async Task<Ok<AttendeeSettings>> Settings(Guid id, TicketAttendees attendees, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AttendeeSettings(await attendees.IsDocumentRequiredAsync(id, cancellationToken)));

    private static async Task<Ok<AttendeeSettings>> ChangeSettings(
        Guid id, AttendeeSettings request, TicketAttendees attendees, CancellationToken cancellationToken)
    {
        await attendees.SetDocumentRequiredAsync(id, request.DocumentRequired, cancellationToken);
        return TypedResults.Ok(new AttendeeSettings(await attendees.IsDocumentRequiredAsync(id, cancellationToken)));
    }
}
