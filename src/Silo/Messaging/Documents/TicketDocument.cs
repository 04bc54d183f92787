namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>One ticket as its PDF page shows it: the QR as modules (true = dark), drawn as vectors, sharp at any zoom.</summary>
public sealed record TicketDocument(TicketLine Ticket, bool[][] QrModules)
{
    public string Code => Ticket.Code;
}
