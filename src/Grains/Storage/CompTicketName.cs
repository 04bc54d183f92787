namespace Fashionistas.Grains.Storage;

/// <summary>The named person on a comp ticket issued from an allocation.</summary>
public sealed record CompTicketName(Guid TicketId, Guid AllocationId, string AttendeeName);
