namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// A code as its organizer sees it: <c>uses</c> counts holds placed with it that are active or sold (what
/// <c>maxUses</c> limits), <c>activeHolds</c> those still held, <c>soldHolds</c> those paid.
/// </summary>
public sealed record CodeResponse(
    Guid Id,
    Guid EventId,
    string Code,
    int? PercentOff,
    long? AmountOff,
    Guid[]? TicketTypeIds,
    bool OpensPresale,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    int? MaxUses,
    int? MaxUsesPerBuyer,
    bool Disabled,
    int Uses,
    int ActiveHolds,
    int SoldHolds);
