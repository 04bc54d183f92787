using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The state of an issued ticket (tickets.status).</summary>
[GenerateSerializer, Alias("Fashionistas.TicketStatus")]
public enum TicketStatus
{
    Valid,
    Void,
    Transferred,
}
