namespace Fashionistas.LoadTests.Scenarios;

/// <summary>One buyer of a flash sale: availability, a hold of its seats, checkout, its tickets.</summary>
public static class VirtualUser
{
    public static async Task<BuyerOutcome> RunAsync(
        Buyer buyer, int wanted, FlashSaleStage stage, PurchaseSteps steps, bool checkout, Task start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(start);
        await start;
        try
        {
            var availability = await steps.AvailabilityAsync(buyer.Token, stage.EventId, cancellationToken);
            var (hold, held) = await steps.HoldAsync(buyer.Token, stage.TicketTypeId, wanted, $"flash-{stage.RunId}-{buyer.Index}", cancellationToken);
            if (hold is null)
            {
                return Outcome(buyer, wanted, availability.IsSuccess ? null : "availability failed");
            }

            var holdId = hold.Id("holdId")!.Value;
            if (!checkout)
            {
                return Outcome(buyer, wanted, null) with { Held = held, HoldId = holdId, HoldAcknowledgedAt = hold.EndUtc };
            }

            var (result, issued, codes) = await steps.CheckoutAsync(buyer.Token, holdId, held, cancellationToken);
            var (_, listed, listedCodes) = await steps.MyTicketsAsync(buyer.Token, stage.TicketTypeId, cancellationToken);
            return new BuyerOutcome(buyer.Index, buyer.Id, wanted, held, holdId, hold.EndUtc, result.Id("orderId"), result.Text("status"),
                issued, codes.Count > 0 ? codes : listedCodes, listed, result.IsSuccess ? null : $"checkout {result.Failure}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Outcome(buyer, wanted, "stopped by the duration limit");
        }
    }

    private static BuyerOutcome Outcome(Buyer buyer, int wanted, string? failure) =>
        new(buyer.Index, buyer.Id, wanted, 0, null, null, null, null, 0, [], 0, failure);
}
