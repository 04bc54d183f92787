using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Domain;

/// <summary>
/// Everything the hold rules look at. <paramref name="BuyerSeats"/> counts the buyer's active holds plus the
/// seats already sold to them for this ticket type. <paramref name="Presale"/>: the buyer holds a code that opens a
/// presale, so the tier may be held before its public sales start and while the event is only published.
/// </summary>
public sealed record HoldCandidate(
    EventStatus EventStatus,
    DateTimeOffset? SalesStart,
    DateTimeOffset? SalesEnd,
    int Quantity,
    int PerBuyerLimit,
    int BuyerSeats,
    int Available,
    bool Presale = false);
