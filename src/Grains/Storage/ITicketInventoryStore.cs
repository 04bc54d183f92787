namespace Fashionistas.Grains.Storage;

/// <summary>Durable inventory of ticket types, written by the ticket-type grain only.</summary>
public interface ITicketInventoryStore
{
    /// <summary>Reads a ticket type for activation; null when it does not exist.</summary>
    Task<TicketTypeLoad?> LoadAsync(Guid ticketTypeId, DateTimeOffset keysSince, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch in one transaction, or nothing: throws when any part fails (including the database's
    /// sold + held &lt;= capacity check), so the grain acknowledges nothing of it.
    /// </summary>
    Task CommitAsync(InventoryBatch batch, CancellationToken cancellationToken);

    Task<StoredHold?> FindHoldAsync(Guid holdId, CancellationToken cancellationToken);

    Task<StoredOrder?> FindOrderAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>An allocation row (created by the organizer's service before the grain is asked to set seats aside).</summary>
    Task<StoredAllocation?> FindAllocationAsync(Guid allocationId, CancellationToken cancellationToken);
}
