using Fashionistas.Grains.Contracts;

namespace Fashionistas.Tests.Grains.Support;

/// <summary>An on-sale ticket type with a buyer's hold and the pending order that pays for it: where a sale test starts.</summary>
public sealed record PendingSale(Guid[] Users, Guid TicketTypeId, ITicketTypeGrain Grain, HoldInfo Hold, Guid OrderId);
