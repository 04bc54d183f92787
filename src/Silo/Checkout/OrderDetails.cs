using Fashionistas.Silo.Tickets;

namespace Fashionistas.Silo.Checkout;

/// <summary>An order with every ticket it issued (including void and transferred ones).</summary>
public sealed record OrderDetails(OrderRecord Order, IReadOnlyList<TicketRecord> Tickets);
