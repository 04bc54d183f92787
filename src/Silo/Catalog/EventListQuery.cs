namespace Fashionistas.Silo.Catalog;

/// <summary>
/// Filters of the event list. Everyone sees events from publication on; <see cref="IncludeOwnedBy"/> adds that
/// organizer's own events in any status, <see cref="IncludeAll"/> (admins) every event.
/// </summary>
public sealed record EventListQuery(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Status,
    int Page,
    int PageSize,
    Guid? IncludeOwnedBy,
    bool IncludeAll);
