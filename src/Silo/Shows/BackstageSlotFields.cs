namespace Fashionistas.Silo.Shows;

/// <summary>
/// A backstage slot as the organizer writes it (already validated; instants in UTC). No <see cref="PersonId"/> means
/// everyone in the show.
/// </summary>
public sealed record BackstageSlotFields(string Kind, string Title, DateTime StartsAt, DateTime? EndsAt, string? Location, Guid? PersonId);
