using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Storage;

/// <summary>Durable events, their status history and the creation of ticket types; written by the event grain.</summary>
public interface IEventStore
{
    Task<StoredEvent?> LoadAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>Inserts the event and its first history row; false when the organizer does not exist or the id is taken.</summary>
    Task<bool> InsertAsync(StoredEvent storedEvent, StatusChange created, CancellationToken cancellationToken);

    Task UpdateDetailsAsync(Guid eventId, EventDraft details, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the status and appends the history row in one transaction; false when the user named as the
    /// author does not exist. Throws when the stored status is not <see cref="StatusChange.From"/>.
    /// </summary>
    Task<bool> ChangeStatusAsync(Guid eventId, StatusChange change, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    Task InsertTicketTypeAsync(TicketTypeSnapshot ticketType, CancellationToken cancellationToken);

    /// <summary>Deletes a draft event (ticket types cascade); false when there is no such draft.</summary>
    Task<bool> DeleteDraftAsync(Guid eventId, CancellationToken cancellationToken);
}
