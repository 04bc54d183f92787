using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Checkout;

/// <summary>The answer to <see cref="MultiTierHolds.HoldAsync"/>: only <see cref="Held"/> holds seats.</summary>
public abstract record HoldGroupResult
{
    private HoldGroupResult()
    {
    }

    /// <summary>Every tier is held under one group and one deadline; <paramref name="Replayed"/> for a retried key.</summary>
    public sealed record Held(HoldGroup Group, bool Replayed) : HoldGroupResult;

    /// <summary>
    /// A tier refused (sold out, over its limit, not on sale...): nothing is held, the other tiers' seats went back.
    /// <paramref name="Refusal"/> is that tier's own answer.
    /// </summary>
    public sealed record Refused(Guid TicketTypeId, HoldResult Refusal) : HoldGroupResult;

    /// <summary>The group's promo code may not be used for <paramref name="TicketTypeId"/> now (used up, buyer's limit...); nothing is held.</summary>
    public sealed record CodeRefused(Guid TicketTypeId, string Reason) : HoldGroupResult;

    /// <summary>A named tier is not one of the event's (or the event does not exist).</summary>
    public sealed record UnknownTier : HoldGroupResult;

    /// <summary>The idempotency key was used for a request that could not be held as a whole; use a new one.</summary>
    public sealed record KeyUsed : HoldGroupResult;
}
