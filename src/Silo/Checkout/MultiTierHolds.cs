using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Codes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// One hold across tiers of one event, all or nothing. Each tier is held by its own ticket-type grain, exactly as a
/// one-tier hold (same checks, same group commit, same fencing): nothing here decides about seats. What makes the
/// tiers one hold is a common deadline and a commit record.
/// </summary>
/// <remarks>
/// <para>Why it is all or nothing, including across crashes:</para>
/// <list type="number">
/// <item>Every tier's hold is placed with the group's deadline (<see cref="HoldRequest.ExpiresBy"/>): the grain ends
/// it then at the latest, durably (its expiry survives restarts). So whatever happens to this request, no tier stays
/// held past the common deadline.</item>
/// <item>The group exists only once its commit record is written: the hold_groups row and every hold linked to it, in
/// one transaction that also checks each hold is still active (<see cref="HoldGroupStore.RecordAsync"/>). A crash before
/// it leaves no group, only holds nobody was told about, which end at the deadline; a crash after it leaves a whole
/// group. Checkout takes recorded groups only, and refuses a grouped hold on its own.</item>
/// <item>When a tier refuses, the tiers already held are released at once (compensation) before the buyer hears "no",
/// so the seats go back to the sale now rather than at the deadline. A busy or unreachable grain is asked again a few
/// times (under a second in all); a release that still fails is logged, and the deadline still ends that hold.</item>
/// </list>
/// <para>The tiers are asked in parallel, not through the event grain: one event's tiers are separate activations that
/// sell in parallel, and a coordinator grain per event would put every multi-tier buyer of a flash sale in one queue.</para>
/// <para>With an idempotency key, each tier is asked with a key derived from it, so a retry after a crash gets the same
/// tier holds back instead of taking more seats, and a retry after success finds the recorded group.</para>
/// <para>A promo or access code counts one use per tier it prices (a use belongs to one hold); a tier whose use is
/// refused refuses the whole group, and the uses of the tiers given back return with their holds.</para>
/// </remarks>
public sealed class MultiTierHolds(
    IGrainFactory grains,
    HoldGroupStore groups,
    HoldCodes codes,
    IOptions<InventoryOptions> options,
    TimeProvider time,
    ILogger<MultiTierHolds> logger)
{
    /// <summary>Tries to give back a refused group's tier: 1 + 4 retries, 50 ms then doubling (about 0.75 s in all).</summary>
    private const int CompensationAttempts = 5;

    private static readonly TimeSpan CompensationPause = TimeSpan.FromMilliseconds(50);

    public async Task<HoldGroupResult> HoldAsync(
        Guid eventId, Guid buyerId, IReadOnlyList<HoldGroupItem> items, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (idempotencyKey is not null && await groups.FindByKeyAsync(buyerId, idempotencyKey, cancellationToken) is { } earlier)
        {
            return Matches(earlier, eventId, items) ? new HoldGroupResult.Held(earlier, Replayed: true) : new HoldGroupResult.KeyUsed();
        }

        var tierIds = items.Select(i => i.TicketTypeId).ToArray();
        if (await groups.CountTiersOfEventAsync(eventId, tierIds, cancellationToken) != tierIds.Length)
        {
            return new HoldGroupResult.UnknownTier();
        }

        var now = time.GetUtcNow();
        var expiresBy = now + options.Value.HoldDuration;
        var tierKey = idempotencyKey is null ? null : $"group:{idempotencyKey}";
        var answers = await Task.WhenAll(items.Select(item => AskAsync(item, new HoldRequest(buyerId, item.Quantity, tierKey)
        {
            ExpiresBy = expiresBy,
            AllocationId = item.AllocationId,
        })));

        var held = answers.Select(a => a.Result).OfType<HoldResult.Accepted>().Select(a => a.Hold).ToList();
        if (held.Count == items.Count)
        {
            var group = new HoldGroup(
                Guid.CreateVersion7(now), eventId, buyerId, held.Sum(h => h.Total), held.Min(h => h.ExpiresAt),
                [.. held.Select(h => new StoredHold(
                    h.HoldId, h.TicketTypeId, h.EventId, h.BuyerId, h.Quantity, h.UnitPrice, h.Total, HoldStatus.Active, tierKey, h.ExpiresAt, now, h.AllocationId, h.PromoCodeId))]);
            if (await groups.RecordAsync(group, idempotencyKey, cancellationToken))
            {
                logger.LogInformation("Hold group {GroupId} holds {Tiers} tiers of event {EventId}: {Total} COP", group.Id, held.Count, eventId, group.Total);
                return new HoldGroupResult.Held(group, Replayed: false);
            }

            // A concurrent retry with the same key recorded these very holds: its group is the answer, and they stay held.
            if (idempotencyKey is not null && await groups.FindByKeyAsync(buyerId, idempotencyKey, cancellationToken) is { } recorded)
            {
                return Matches(recorded, eventId, items) ? new HoldGroupResult.Held(recorded, Replayed: true) : new HoldGroupResult.KeyUsed();
            }
        }

        await ReleaseAsync(held, buyerId);
        if (answers.FirstOrDefault(a => a.Error is not null) is { Error: { } error })
        {
            // Busy or unavailable: answered as a one-tier hold would be (503, retry), with nothing held.
            throw error;
        }

        if (answers.FirstOrDefault(a => a.CodeRefusal is not null) is { CodeRefusal: { } reason } codeRefused)
        {
            return new HoldGroupResult.CodeRefused(codeRefused.Item.TicketTypeId, reason);
        }

        return answers.FirstOrDefault(a => a.Result is not HoldResult.Accepted) is { Result: { } refusal } refused
            ? new HoldGroupResult.Refused(refused.Item.TicketTypeId, refusal)
            : new HoldGroupResult.KeyUsed();
    }

    /// <summary>Gives back every seat of a group nobody has started to pay for; false when it has order lines (cancel the order).</summary>
    public async Task<bool> ReleaseAsync(HoldGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if ((await groups.ReadLinesAsync(group.Id, cancellationToken)).Count > 0)
        {
            return false;
        }

        foreach (var hold in group.Holds.Where(h => h.Status == HoldStatus.Active))
        {
            await grains.GetGrain<ITicketTypeGrain>(hold.TicketTypeId).Release(hold.Id, group.BuyerId);
        }

        return true;
    }

    private static bool Matches(HoldGroup group, Guid eventId, IReadOnlyList<HoldGroupItem> items) =>
        group.EventId == eventId
        && group.Holds.Count == items.Count
        && items.All(i => group.Holds.Any(h => h.TicketTypeId == i.TicketTypeId && h.Quantity == i.Quantity));

    private async Task<(HoldGroupItem Item, HoldResult? Result, Exception? Error, string? CodeRefusal)> AskAsync(HoldGroupItem item, HoldRequest request)
    {
        try
        {
            if (item.PromoCode is not { } code)
            {
                return (item, await grains.GetGrain<ITicketTypeGrain>(item.TicketTypeId).Hold(request), null, null);
            }

            // The code's grain is shared by the tiers: each tier's use gets its own retry key.
            var tierRequest = request.IdempotencyKey is null ? request : request with { IdempotencyKey = $"{request.IdempotencyKey}:{item.TicketTypeId:N}" };
            return await codes.HoldAsync(item.TicketTypeId, tierRequest, code) switch
            {
                CodeHoldOutcome.Answered answered => (item, answered.Result, null, null),
                CodeHoldOutcome.CodeRefused refused => (item, null, null, refused.Reason),
                _ => (item, null, null, "No such code for this event."),
            };
        }
#pragma warning disable CA1031 // Every tier's outcome is needed to give back what the others got; the error is rethrown after.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (item, null, ex, null);
        }
    }

    private async Task ReleaseAsync(IReadOnlyList<HoldInfo> held, Guid buyerId)
    {
        foreach (var hold in held)
        {
            await CompensateAsync(hold, buyerId);
        }
    }

    /// <summary>
    /// Gives one tier's hold back, retrying a grain that is busy or briefly out of reach (a flash sale's peak, a silo
    /// leaving) with short growing pauses, so its seats return now rather than at the group's deadline.
    /// </summary>
    private async Task CompensateAsync(HoldInfo hold, Guid buyerId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<ITicketTypeGrain>(hold.TicketTypeId).Release(hold.HoldId, buyerId);
                return;
            }
#pragma warning disable CA1031 // The hold ends at the group's deadline anyway; one failed release must not stop the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (attempt >= CompensationAttempts)
                {
                    logger.LogWarning(ex, "Hold {HoldId} of a refused group could not be released after {Attempts} attempts; it ends at {ExpiresAt}",
                        hold.HoldId, attempt, hold.ExpiresAt);
                    return;
                }

                // Real time, not the sale clock: a pause between tries, not a business deadline.
                await Task.Delay(CompensationPause * (1 << (attempt - 1)), CancellationToken.None);
            }
        }
    }
}
