using Fashionistas.Grains.Inventory;
using Fashionistas.Silo.Tickets;

namespace Fashionistas.Silo.Inventory;

/// <summary>Ticket codes for the inventory grain in the format of <see cref="TicketCodeGenerator"/> (128 bits, Crockford base32).</summary>
public sealed class TicketCodeSource(TicketCodeGenerator generator) : ITicketCodeSource
{
    public string NewCode() => generator.NewCode();
}
