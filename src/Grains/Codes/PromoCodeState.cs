using System.Collections.Immutable;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Codes;

/// <summary>The in-memory truth of one code between commits; every change is a <c>with</c> copy that keeps the counts consistent.</summary>
public sealed record PromoCodeState
{
    public required PromoCodeDefinition Definition { get; init; }

    /// <summary>Uses not given back, by use (= hold) id.</summary>
    public ImmutableDictionary<Guid, CodeUse> Live { get; init; } = ImmutableDictionary<Guid, CodeUse>.Empty;

    public ImmutableDictionary<Guid, int> BuyerUses { get; init; } = ImmutableDictionary<Guid, int>.Empty;

    /// <summary>Keyed uses (live or given back) inside the idempotency window: a retry gets the same use.</summary>
    public ImmutableDictionary<BuyerKey, Guid> Keys { get; init; } = ImmutableDictionary<BuyerKey, Guid>.Empty;

    public int Uses => Live.Count;

    public int UsesOf(Guid buyerId) => BuyerUses.GetValueOrDefault(buyerId);

    public RuleCheck CanUse(Guid buyerId, DateTimeOffset now) => CodeRules.CanUse(Definition, now, Uses, UsesOf(buyerId));

    public PromoCodeState WithUse(CodeUse use, BuyerKey? key)
    {
        ArgumentNullException.ThrowIfNull(use);
        var next = this with
        {
            Live = Live.Add(use.Id, use),
            BuyerUses = BuyerUses.SetItem(use.BuyerId, UsesOf(use.BuyerId) + 1),
        };
        return key is { } k ? next with { Keys = next.Keys.SetItem(k, use.Id) } : next;
    }

    public PromoCodeState WithoutUse(CodeUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var left = UsesOf(use.BuyerId) - 1;
        return this with
        {
            Live = Live.Remove(use.Id),
            BuyerUses = left > 0 ? BuyerUses.SetItem(use.BuyerId, left) : BuyerUses.Remove(use.BuyerId),
        };
    }

    public PromoCodeState WithUseChanged(CodeUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return this with { Live = Live.SetItem(use.Id, use) };
    }

    /// <summary>
    /// The state a load describes. Uses whose hold has ended are returned in <paramref name="ended"/>: the activation
    /// gives them back in its first commit.
    /// </summary>
    public static PromoCodeState FromLoad(PromoCodeLoad load, out IReadOnlyList<Guid> ended)
    {
        ArgumentNullException.ThrowIfNull(load);
        var state = new PromoCodeState { Definition = load.Definition };
        var endedUses = new List<Guid>();
        foreach (var stored in load.Uses)
        {
            var key = stored.IdempotencyKey is { } k ? new BuyerKey(stored.BuyerId, k) : (BuyerKey?)null;
            if (stored.Released)
            {
                state = key is { } released ? state with { Keys = state.Keys.SetItem(released, stored.Id) } : state;
                continue;
            }

            var use = new CodeUse(stored.Id, stored.BuyerId, stored.Deadline, Settled: stored.HoldStatus == HoldStatus.Converted, stored.LateSale);
            state = state.WithUse(use, key);
            if (stored.HoldStatus is HoldStatus.Expired or HoldStatus.Released && !stored.LateSale)
            {
                endedUses.Add(stored.Id);
            }
        }

        ended = endedUses;
        return state;
    }
}
