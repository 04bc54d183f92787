namespace Fashionistas.Grains.Domain;

/// <summary>The state of an issued ticket (tickets.status).</summary>
public enum TicketStatus
{
    Valid,
    Void,
    Transferred,
}
