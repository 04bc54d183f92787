using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// A promo or presale access code of one event, as the organizer set it. <see cref="Code"/> is matched
/// case-insensitively. <see cref="TicketTypeIds"/> null: every tier (hidden tiers only when named). A discount is a
/// percentage or a fixed COP amount off each seat (or none: an access code). <see cref="OpensPresale"/>: within its
/// validity the code may hold its tiers before their public sales start. <see cref="MaxUses"/> counts holds placed with
/// the code that are active or sold, over all buyers; <see cref="MaxUsesPerBuyer"/> the same per buyer.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.PromoCodeDefinition")]
public sealed record PromoCodeDefinition(
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
    DateTimeOffset? DisabledAt = null)
{
    /// <summary>The form codes are compared in.</summary>
    public static string KeyOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant();
    }

    /// <summary>Whether the code applies to the tier: every tier when none is named, else the named ones.</summary>
    public bool Covers(Guid ticketTypeId) => TicketTypeIds is null || TicketTypeIds.Contains(ticketTypeId);

    /// <summary>Hidden tiers open only to codes that name them.</summary>
    public bool Names(Guid ticketTypeId) => TicketTypeIds is not null && TicketTypeIds.Contains(ticketTypeId);
}
