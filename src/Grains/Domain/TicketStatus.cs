using Orleans;

namespace Fashionistas.Grains.Domain;

/// <summary>The state of an issued ticket (tickets.status).</summary>
[GenerateSerializer, Alias("Fashionistas.TicketStatus")]
public enum TicketStatus
{
    Valid,
    Void,
    Transferred,
}
