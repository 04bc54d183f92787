using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>
/// Everything the hold rules look at. <paramref name="BuyerSeats"/> counts the buyer's active holds plus the
/// seats already sold to them for this ticket type.
/// </summary>
public sealed record HoldCandidate(
    EventStatus EventStatus,
    DateTimeOffset? SalesStart,
    DateTimeOffset? SalesEnd,
    int Quantity,
    int PerBuyerLimit,
    int BuyerSeats,
    int Available);
