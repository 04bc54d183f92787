using System.Collections.Immutable;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Inventory;

/// <summary>The tickets of a confirmed order, kept by the activation for idempotent replays and returns.</summary>
public sealed record OrderTickets(Guid OrderId, Guid HoldId, Guid BuyerId, ImmutableArray<StoredTicket> Tickets, Guid? AllocationId = null);
