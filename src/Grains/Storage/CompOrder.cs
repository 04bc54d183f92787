namespace Fashionistas.Grains.Storage;

/// <summary>A free order a batch creates for a comp ticket, already paid: its hold is written converted in the same batch.</summary>
public sealed record CompOrder(Guid OrderId, Guid HoldId, Guid BuyerId, int Quantity);
