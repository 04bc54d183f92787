using Fashionistas.Grains.Contracts;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Fashionistas.Grains.Inventory;

public sealed partial class TicketTypeGrain
{
    /// <summary>
    /// A payment whose hold had ended sells from what is still available, at the price the hold was given. When a code
    /// gave that price, its use was handed back when the hold ended, so the code counts it again first; a code with no
    /// uses left (overall or for this buyer) cannot honour the held price, and the sale is refused as one whose seats
    /// are gone: the caller refunds the whole payment (the late-payment rule). The awaits (the hold's code, the code's
    /// grain) come before the decision, which is made again on the state as it is then.
    /// </summary>
    private async Task<SaleResult> ConfirmLateSaleAsync(SaleRequest sale)
    {
        var hold = await store.FindHoldAsync(sale.HoldId, CancellationToken.None);
        if (hold?.PromoCodeId is not { } codeId)
        {
            // Never null when the late sale is checked.
            return await Durable(Confirm(sale, lateSaleChecked: true)!);
        }

        var code = GrainFactory.GetGrain<IPromoCodeGrain>(codeId);
        var use = await code.UseForLateSale(sale.HoldId, sale.BuyerId);
        if (use is CodeUseResult.Refused refused)
        {
            logger.LogWarning(
                "Order {OrderId} was paid after its hold {HoldId} ended and its code {CodeId} has no use left: {Reason}",
                sale.OrderId, sale.HoldId, codeId, refused.Reason);
            return await Durable(RefuseLateSale(sale, $"The hold ended and its code cannot be used again: {refused.Reason}"));
        }

        var result = await Durable(Confirm(sale, lateSaleChecked: true)!);
        if (result is not SaleResult.Sold && use is CodeUseResult.Granted)
        {
            // Not sold after all (seats gone meanwhile): the use goes back now rather than at the code's check.
            await code.Return(sale.HoldId);
        }

        return result;
    }

    /// <summary>Refuses the order for good in this activation (the caller refunds it now), unless it sold meanwhile.</summary>
    private SaleResult RefuseLateSale(SaleRequest sale, string reason)
    {
        if (_state?.Orders.TryGetValue(sale.OrderId, out var sold) == true)
        {
            return Replay(sold, sale.HoldId);
        }

        _refusedOrders.Add(sale.OrderId);
        return new SaleResult.NoSeats(reason);
    }
}
