namespace Fashionistas.Grains.Storage;

/// <summary>
/// A ticket_allocations row as the inventory reads and writes it; <see cref="UnitPrice"/> null: the tier's own pricing.
/// <see cref="Released"/>: its unused seats went back to the public sale, and so do seats that come back to it later.
/// </summary>
public sealed record StoredAllocation(Guid Id, Guid TicketTypeId, int Quantity, int Held, int Sold, long? UnitPrice, bool Released = false);
