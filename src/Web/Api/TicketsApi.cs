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

/// <summary>Tickets: the owner's list, QR images and transfers to another registered user.</summary>
public static class TicketsApi
{
    private const int MaxTicketsListed = 500;
    private const string ValidTicket = "valid";

    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api").WithTags("Tickets").RequireAuthorization();
        tickets.MapGet("/me/tickets", Mine);
        tickets.MapGet("/tickets/{code}/qr.png", Qr).Answers(Status404NotFound);
        tickets.MapPost("/tickets/{code}/transfer", Transfer).Validates<TransferRequest>().Answers(Status404NotFound, Status409Conflict);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TicketResponse>>> Mine(ClaimsPrincipal user, TicketQueries tickets, CancellationToken cancellationToken)
    {
        var mine = await tickets.ListValidByOwnerAsync(user.UserId(), MaxTicketsListed, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TicketResponse>>([.. mine.Select(OrderMapping.ToResponse)]);
    }

    /// <summary>The QR of a valid ticket, for its owner and the event's staff; a dead code (refunded, transferred) is 404.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Qr(
        string code, ClaimsPrincipal user, TicketQueries tickets, TicketQrRenderer renderer, HttpContext http, CancellationToken cancellationToken)
    {
        if (!TicketCodeGenerator.TryParse(code, out var canonical)
            || await tickets.FindByCodeAsync(canonical, cancellationToken) is not { Status: ValidTicket } ticket
            || (ticket.OwnerId != user.UserId() && !user.CanManage(ticket.OrganizerId)))
        {
            return Problems.NotFound("No such ticket.");
        }

        // The image is a credential that dies on transfer or refund: never keep it in shared caches.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(renderer.RenderPng(ticket.Code), "image/png");
    }

    private static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> Transfer(
        string code, TransferRequest request, ClaimsPrincipal user, TransferService transfers, CancellationToken cancellationToken)
    {
        if (!TicketCodeGenerator.TryParse(code, out var canonical))
        {
            return Problems.NotFound("No such ticket.");
        }

        return await transfers.TransferAsync(canonical, user.UserId(), request.Email!.Trim(), cancellationToken) switch
        {
            TransferOutcome.Transferred t => TypedResults.Ok(new TransferResponse(t.OldTicketId, t.NewTicketId, t.RecipientId, "transferred")),
            TransferOutcome.RecipientNotFound => Problems.NotFound("No registered user has that e-mail; they must sign up first."),
            TransferOutcome.NotTransferable refused => Problems.Conflict("The ticket cannot be transferred.", refused.Reason),
            _ => Problems.NotFound("No such ticket."),
        };
    }
}
