namespace Fashionistas.Silo.Codes;

/// <summary>A code as the organizer creates it (validated by the API first).</summary>
public sealed record NewPromoCode(
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
    Guid CreatedBy);
