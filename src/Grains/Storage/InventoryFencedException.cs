namespace Fashionistas.Grains.Storage;

/// <summary>
/// A batch was written against a ticket type version that is no longer the stored one: another activation of the same
/// ticket type committed since this one loaded (Orleans keeps one activation per key only eventually). Nothing of the
/// batch was written; the stale activation must not answer its callers with success and must go.
/// </summary>
public sealed class InventoryFencedException(Guid ticketTypeId, long expectedVersion)
    : Exception($"Ticket type {ticketTypeId} moved past version {expectedVersion}: another activation committed; nothing was written.");
