namespace Fashionistas.Silo.Catalog;

/// <summary>
/// Filters of the event list. Everyone sees events from publication on; <see cref="IncludeOwnedBy"/> adds that
/// organizer's own events in any status, <see cref="IncludeAll"/> (admins) every event. <see cref="Search"/> keeps the
/// events whose name, venue or description contains it (case-insensitive); <see cref="EndsAfter"/> those not over by then.
/// </summary>
public sealed record EventListQuery(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Status,
    int Page,
    int PageSize,
    Guid? IncludeOwnedBy,
    bool IncludeAll,
    string? Search = null,
    DateTimeOffset? EndsAfter = null);
