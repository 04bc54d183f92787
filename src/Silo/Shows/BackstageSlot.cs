namespace Fashionistas.Silo.Shows;

/// <summary>A slot of an event's backstage schedule (instants in UTC); <see cref="PersonId"/> null means everyone in the show.</summary>
public sealed record BackstageSlot(
    Guid Id, Guid EventId, string Kind, string Title, DateTime StartsAt, DateTime? EndsAt, string? Location, Guid? PersonId, string? PersonName);
