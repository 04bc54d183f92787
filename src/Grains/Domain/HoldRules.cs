using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>
/// Whether a hold may be placed, checked in this order: a positive quantity, the event on sale, the
/// sales window open (a presale code opens both before the public sale), the buyer's limit (active holds plus seats sold to them), then availability.
/// </summary>
public static class HoldRules
{
    private static readonly HoldDecision.Accept Accepted = new();

    public static HoldDecision Evaluate(HoldCandidate candidate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);

        if (candidate.Quantity < 1)
        {
            return new HoldDecision.Invalid("The quantity must be at least 1.");
        }

        if (!EventLifecycle.AcceptsHolds(candidate.EventStatus)
            && !(candidate.Presale && candidate.EventStatus == EventStatus.Published))
        {
            return new HoldDecision.NotOnSale($"The event is {candidate.EventStatus.ToStorageName()}, not on sale.");
        }

        var window = SalesWindow.IsOpen(candidate.Presale ? null : candidate.SalesStart, candidate.SalesEnd, now);
        if (!window.Allowed)
        {
            return new HoldDecision.NotOnSale(window.Reason!);
        }

        // Compared as a subtraction so a huge quantity cannot overflow the sum.
        if (candidate.Quantity > candidate.PerBuyerLimit - candidate.BuyerSeats)
        {
            return new HoldDecision.OverBuyerLimit(candidate.PerBuyerLimit, candidate.BuyerSeats);
        }

        if (candidate.Quantity > candidate.Available)
        {
            return new HoldDecision.SoldOut(candidate.Available);
        }

        return Accepted;
    }
}
