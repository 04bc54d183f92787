using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Codes;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>Promo and presale access codes: the organizer's (create, list with live use, disable) and the buyer's check.</summary>
public static class CodesApi
{
    public static IEndpointRouteBuilder MapCodesApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/events/{id:guid}/codes").WithTags("Codes")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        manage.MapGet("/", List);
        manage.MapPost("/", Create).Validates<CodeRequest>().Answers(Status409Conflict);
        manage.MapDelete("/{codeId:guid}", Disable);

        // Signed in and rate limited like holds, so codes cannot be guessed at the speed of anonymous requests.
        var buyers = app.MapGroup("/api/events/{id:guid}/code-check").WithTags("Codes").RequireAuthorization().OnPurchasePath();
        buyers.MapGet("/", Check).Answers(Status404NotFound, Status409Conflict);
        return app;
    }

    private static async Task<Ok<CodeResponse[]>> List(Guid id, PromoCodeCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListAsync(id, cancellationToken)).Select(ToResponse).ToArray());

    private static async Task<Results<Created<CodeResponse>, ProblemHttpResult>> Create(
        Guid id, CodeRequest request, ClaimsPrincipal user, PromoCodeCatalog catalog, CancellationToken cancellationToken)
    {
        var code = new NewPromoCode(id, request.Code!.Trim(), request.PercentOff, request.AmountOff, request.TicketTypeIds,
            request.OpensPresale ?? false, request.ValidFrom, request.ValidUntil, request.MaxUses, request.MaxUsesPerBuyer, user.UserId());
        var (outcome, codeId) = await catalog.CreateAsync(code, cancellationToken);
        switch (outcome)
        {
            case CreateCodeOutcome.Duplicate:
                return Problems.Conflict("The event already has this code.", "Codes are compared without regard to case.");
            case CreateCodeOutcome.UnknownTicketType:
                return Problems.BadRequest("The code is not valid.", "ticketTypeIds names a tier that is not this event's.");
        }

        var created = (await catalog.ListAsync(id, cancellationToken)).Single(c => c.Definition.Id == codeId);
        return TypedResults.Created($"/api/events/{id}/codes/{codeId}", ToResponse(created));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(Guid id, Guid codeId, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IPromoCodeGrain>(codeId);
        if (await grain.Describe() is not { } code || code.Definition.EventId != id)
        {
            return Problems.NotFound("No such code on this event.");
        }

        await grain.Disable();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CodeCheckResponse>, ProblemHttpResult>> Check(
        Guid id, string? code, ClaimsPrincipal user, IGrainFactory grains, HoldCodes codes, TimeProvider time, HttpContext http)
    {
        var snapshot = await grains.GetGrain<IEventGrain>(id).Get();
        if (snapshot is null || !user.CanSee(snapshot) || !HoldCodes.IsWellFormed(code))
        {
            return Problems.NotFound("No such code for this event.");
        }

        switch (await codes.ResolveAsync(id, code!, http.RequestAborted))
        {
            case CodeResolution.Refused refused:
                return Problems.Conflict("The code cannot be used.", refused.Reason);
            case CodeResolution.Resolved { Code.Definition: var definition }:
                var now = time.GetUtcNow();
                var discount = new CodeDiscount(definition.PercentOff, definition.AmountOff);
                var tiers = snapshot.TicketTypes.Where(t => definition.Covers(t.Id) && (!t.Definition.Hidden || definition.Names(t.Id)));
                var answers = await Task.WhenAll(tiers.Select(async t => new CodeTierResponse(
                    EventMapping.ToResponse(t),
                    (await grains.GetGrain<ITicketTypeGrain>(t.Id).GetAvailability())?.Available ?? 0,
                    Pricing.Quote(t.Definition, 1, now, discount).UnitPrice)));
                return TypedResults.Ok(new CodeCheckResponse(
                    definition.Code, definition.PercentOff, definition.AmountOff, definition.OpensPresale, definition.ValidUntil, answers));
            default:
                return Problems.NotFound("No such code for this event.");
        }
    }

    private static CodeResponse ToResponse(PromoCodeSummary s)
    {
        var d = s.Definition;
        return new CodeResponse(d.Id, d.EventId, d.Code, d.PercentOff, d.AmountOff, d.TicketTypeIds, d.OpensPresale, d.ValidFrom,
            d.ValidUntil, d.MaxUses, d.MaxUsesPerBuyer, d.DisabledAt is not null, s.Uses, s.ActiveHolds, s.SoldHolds);
    }
}
