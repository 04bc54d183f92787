using Fashionistas.Grains.Contracts;
using Orleans;

namespace Fashionistas.Silo.Codes;

/// <summary>
/// The one place codes meet holds, for every route that holds seats (one tier here; several tiers of one order call
/// <see cref="ResolveAsync"/>, <see cref="UseAsync"/> once, <see cref="TermsFor"/> per tier and <see cref="ReturnAsync"/>).
/// A use is counted by the code's grain before the hold is asked for and given back when the hold is refused; a hold
/// that is placed keeps it until it expires or is released (then its ticket type gives it back), a sold one for good.
/// </summary>
public sealed class HoldCodes(IGrainFactory grains, PromoCodeCatalog catalog)
{
    /// <summary>Longest code accepted anywhere (the database allows 3 to 40 characters).</summary>
    public const int MaxLength = 40;

    public const int MinLength = 3;

    /// <summary>Whether <paramref name="code"/> has the shape of a code: 3-40 letters, digits, '-' or '_'.</summary>
    public static bool IsWellFormed(string? code) =>
        code is not null && code.Trim() is { Length: >= MinLength and <= MaxLength } trimmed
        && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The event's code typed as <paramref name="code"/> (any case) as its grain knows it now.</summary>
    public async Task<CodeResolution> ResolveAsync(Guid eventId, string code, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(code) || await catalog.FindIdAsync(eventId, code, cancellationToken) is not { } id)
        {
            return CodeResolution.NotFoundResult;
        }

        return await grains.GetGrain<IPromoCodeGrain>(id).Describe() switch
        {
            null => CodeResolution.NotFoundResult,
            { Refusal: { } reason } => new CodeResolution.Refused(reason),
            var view => new CodeResolution.Resolved(view),
        };
    }

    /// <summary>Counts one use of the code for a hold about to be placed (whose id must be the use's id).</summary>
    public Task<CodeUseResult> UseAsync(Guid codeId, Guid buyerId, string? idempotencyKey) =>
        grains.GetGrain<IPromoCodeGrain>(codeId).Use(new CodeUseRequest(buyerId, idempotencyKey));

    /// <summary>Gives a use back when its hold was not placed.</summary>
    public Task ReturnAsync(Guid codeId, Guid useId) => grains.GetGrain<IPromoCodeGrain>(codeId).Return(useId);

    /// <summary>What the code gives a hold of this tier: its discount and presale where it covers the tier, a hidden tier where it names it.</summary>
    public static CodeTerms TermsFor(PromoCodeDefinition code, Guid ticketTypeId, Guid useId)
    {
        ArgumentNullException.ThrowIfNull(code);
        var covers = code.Covers(ticketTypeId);
        return new CodeTerms(
            code.Id,
            useId,
            covers ? code.PercentOff : null,
            covers ? code.AmountOff : null,
            UnlocksHidden: code.Names(ticketTypeId),
            OpensPresale: covers && code.OpensPresale);
    }

    /// <summary>Holds seats of one tier with a code: resolve, count a use, hold, and give the use back if the hold was refused.</summary>
    public async Task<CodeHoldOutcome> HoldAsync(Guid ticketTypeId, HoldRequest request, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tier = grains.GetGrain<ITicketTypeGrain>(ticketTypeId);
        if (await tier.GetAvailability() is not { } seats)
        {
            return new CodeHoldOutcome.Answered(HoldResult.NotFoundResult);
        }

        switch (await ResolveAsync(seats.EventId, code, cancellationToken))
        {
            case CodeResolution.Refused refused:
                return new CodeHoldOutcome.CodeRefused(refused.Reason);
            case CodeResolution.Resolved { Code.Definition: var definition } when !definition.Covers(ticketTypeId):
                return new CodeHoldOutcome.CodeRefused("This code does not apply to this ticket type.");
            case CodeResolution.Resolved resolved:
                return await HoldAsync(ticketTypeId, request, resolved.Code.Definition);
            default:
                return new CodeHoldOutcome.CodeNotFound();
        }
    }

    /// <summary>
    /// Holds seats of one tier with a code already resolved for its event (a hold across tiers resolves it once for all
    /// of them): count a use, hold, and give the use back if the hold was refused.
    /// </summary>
    public async Task<CodeHoldOutcome> HoldAsync(Guid ticketTypeId, HoldRequest request, PromoCodeDefinition code)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(code);
        var use = await UseAsync(code.Id, request.BuyerId, request.IdempotencyKey);
        if (use is not CodeUseResult.Granted granted)
        {
            return use is CodeUseResult.Refused r ? new CodeHoldOutcome.CodeRefused(r.Reason) : new CodeHoldOutcome.CodeNotFound();
        }

        // Not given back when the call throws: the hold may have been placed; the code's grain checks the hold
        // at its deadline and gives the use back if it never came.
        var result = await grains.GetGrain<ITicketTypeGrain>(ticketTypeId).Hold(request with { Code = TermsFor(granted.Code, ticketTypeId, granted.UseId) });
        if (result is not HoldResult.Accepted accepted || accepted.Hold.HoldId != granted.UseId)
        {
            await ReturnAsync(granted.Code.Id, granted.UseId);
        }

        return new CodeHoldOutcome.Answered(result);
    }
}
