namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// What a code gives a buyer on the event page: its discount, whether it opens a presale, and each tier it applies to
/// (hidden ones it opens included) with the price of one seat with the code now.
/// </summary>
public sealed record CodeCheckResponse(
    string Code,
    int? PercentOff,
    long? AmountOff,
    bool OpensPresale,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<CodeTierResponse> TicketTypes);

/// <summary>A tier a code applies to: its definition, its seats left, and one seat's price with the code.</summary>
public sealed record CodeTierResponse(TicketTypeResponse TicketType, int Available, long UnitPrice);
