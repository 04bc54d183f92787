using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Inventory;

namespace Fashionistas.Silo.Inventory;

/// <summary>Ticket codes for the inventory grain in the one format of <see cref="TicketCodes"/> (128 bits, Crockford base32).</summary>
public sealed class TicketCodeSource : ITicketCodeSource
{
    public string NewCode() => TicketCodes.New();
}
