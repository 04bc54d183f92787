using System.Security.Claims;
using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Allocations;
using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Codes;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Contracts.Allocations;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Fashionistas.Web.WaitingRoom;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Holds across tiers of one event, all or nothing (<see cref="MultiTierHolds"/>); checked out as one order through
/// POST /api/holds/{groupId}/checkout and released through DELETE /api/holds/{groupId}.
/// </summary>
public static class GroupHoldsApi
{
    public static IEndpointRouteBuilder MapGroupHoldsApi(this IEndpointRouteBuilder app)
    {
        var holds = app.MapGroup("/api").WithTags("Holds").RequireAuthorization().OnPurchasePath();
        holds.MapPost("/events/{eventId:guid}/holds", Hold).Validates<GroupHoldRequest>()
            .RequireWaitingRoomPass(WaitingRoomScope.Event, "eventId").Answers(Status404NotFound, Status409Conflict);
        holds.MapGet("/hold-groups/{id:guid}", Get).Answers(Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<GroupHoldResponse>, ValidationProblem, ProblemHttpResult>> Hold(
        Guid eventId, GroupHoldRequest request, ClaimsPrincipal user, MultiTierHolds multiTier, HoldCodeResolver codes, HoldCodes promoCodes, HttpContext http,
        CancellationToken cancellationToken,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        if (new Validation().IdempotencyKey(idempotencyKey) is { IsValid: false } invalid)
        {
            return Problems.Invalid(invalid.Errors);
        }

        // A code that opens a reserved allocation of a tier draws that tier's seats from it; otherwise a promo or access
        // code prices (or opens) the tiers it covers, one use per tier.
        var items = request.Items!.Select(i => new HoldGroupItem(i.TicketTypeId!.Value, i.Quantity!.Value)).ToList();
        if (request.Code is { } code)
        {
            var drawsFromAllocation = false;
            if (AllocationRequest.IsCode(code.Trim()))
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (await codes.ResolveAsync(items[i].TicketTypeId, code, cancellationToken) is HoldCode.AllocationCode allocation)
                    {
                        items[i] = items[i] with { AllocationId = allocation.AllocationId };
                        drawsFromAllocation = true;
                    }
                }
            }

            if (!drawsFromAllocation)
            {
                switch (HoldCodes.IsWellFormed(code) ? await promoCodes.ResolveAsync(eventId, code, cancellationToken) : CodeResolution.NotFoundResult)
                {
                    case CodeResolution.Resolved resolved when items.Any(i => resolved.Code.Definition.Covers(i.TicketTypeId)):
                        items = [.. items.Select(i => resolved.Code.Definition.Covers(i.TicketTypeId) ? i with { PromoCode = resolved.Code.Definition } : i)];
                        break;
                    case CodeResolution.Resolved:
                        return Problems.Conflict("The code cannot be used.", "This code does not apply to these ticket types.");
                    case CodeResolution.Refused refused:
                        return Problems.Conflict("The code cannot be used.", refused.Reason);
                    default:
                        return Problems.NotFound("No such code for this event.");
                }
            }
        }

        switch (await multiTier.HoldAsync(eventId, user.UserId(), items, idempotencyKey, cancellationToken))
        {
            case HoldGroupResult.Held held:
                if (held.Replayed)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                }

                return TypedResults.Created($"/api/hold-groups/{held.Group.Id}", ToResponse(held.Group));
            case HoldGroupResult.Refused refused:
                return HoldRefusals.ToProblem(refused.Refusal, new Dictionary<string, object?> { ["ticketTypeId"] = refused.TicketTypeId });
            case HoldGroupResult.CodeRefused codeRefused:
                return Problems.Conflict("The code cannot be used.", codeRefused.Reason,
                    new Dictionary<string, object?> { ["ticketTypeId"] = codeRefused.TicketTypeId });
            case HoldGroupResult.KeyUsed:
                return Problems.Conflict("This idempotency key was used for another request.", "Use a new Idempotency-Key.");
            default:
                return Problems.NotFound("No such ticket type in this event.");
        }
    }

    private static async Task<Results<Ok<GroupHoldResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, HoldGroupStore groups, CancellationToken cancellationToken)
    {
        var group = await groups.FindAsync(id, cancellationToken);
        return group is null || (group.BuyerId != user.UserId() && !user.IsAdmin())
            ? Problems.NotFound("No such hold group.")
            : TypedResults.Ok(ToResponse(group));
    }

    private static GroupHoldResponse ToResponse(HoldGroup group) =>
        new(group.Id, group.EventId, group.Total, group.ExpiresAt,
            [.. group.Holds.Select(h => new HoldResponse(h.Id, h.TicketTypeId, h.EventId, h.Quantity, h.UnitPrice, h.Total, h.ExpiresAt, h.Status.ToStorageName()))]);
}
