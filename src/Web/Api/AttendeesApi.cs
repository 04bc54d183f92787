using System.Security.Claims;
using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Tickets;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Attendee names: the owner of a ticket names who uses it (and their document number when the event asks for one);
/// the organizer decides whether the event asks.
/// </summary>
public static class AttendeesApi
{
    public static IEndpointRouteBuilder MapAttendeesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization()
            .MapPut("/{code}/attendee", Name).Validates<AttendeeRequest>().Answers(Status404NotFound);
        app.MapGroup("/api/events/{id:guid}").WithTags("Events")
            .MapGet("/attendee-settings", Settings).AllowAnonymous();
        app.MapGroup("/api/events/{id:guid}").WithTags("Events").RequireAuthorization(Policies.Organizer).ForEventManagers()
            .MapPut("/attendee-settings", ChangeSettings);
        return app;
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Name(
        string code, AttendeeRequest request, ClaimsPrincipal user, TicketQueries tickets, TicketAttendees attendees, CancellationToken cancellationToken)
    {
        if (!TicketCodeGenerator.TryParse(code, out var canonical)
            || await tickets.FindByCodeAsync(canonical, cancellationToken) is not { } ticket
            || ticket.OwnerId != user.UserId())
        {
            return Problems.NotFound("No such ticket.");
        }

        var name = AttendeeRules.NormalizeName(request.Name, out var reason);
        string? document = null;
        if (name is not null && (await attendees.IsDocumentRequiredAsync(ticket.EventId, cancellationToken) || !string.IsNullOrWhiteSpace(request.Document)))
        {
            document = AttendeeRules.NormalizeDocument(request.Document, out reason);
        }

        if (reason is not null)
        {
            return Problems.BadRequest("The attendee is not valid.", reason);
        }

        if (!await attendees.NameAsync(canonical, user.UserId(), name!, document, cancellationToken))
        {
            return ticket.CheckedInAt is not null
                ? Problems.Conflict("The ticket was already used at the door.", "Its attendee can no longer change.")
                : Problems.NotFound("No such ticket.");
        }

        var named = await tickets.FindByCodeAsync(canonical, cancellationToken);
        return TypedResults.Ok(OrderMapping.ToResponse(named!));
    }

    private static async Task<Ok<AttendeeSettings>> Settings(Guid id, TicketAttendees attendees, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AttendeeSettings(await attendees.IsDocumentRequiredAsync(id, cancellationToken)));

    private static async Task<Ok<AttendeeSettings>> ChangeSettings(
        Guid id, AttendeeSettings request, TicketAttendees attendees, CancellationToken cancellationToken)
    {
        await attendees.SetDocumentRequiredAsync(id, request.DocumentRequired, cancellationToken);
        return TypedResults.Ok(new AttendeeSettings(await attendees.IsDocumentRequiredAsync(id, cancellationToken)));
    }
}
