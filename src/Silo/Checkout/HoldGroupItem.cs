namespace Fashionistas.Silo.Checkout;

/// <summary>One tier of a hold across tiers: how many seats of <paramref name="TicketTypeId"/>.</summary>
public sealed record HoldGroupItem(Guid TicketTypeId, int Quantity);
