namespace Fashionistas.Web.Api.Contracts;

/// <summary>Live seat counters of one tier.</summary>
public sealed record AvailabilityResponse(Guid TicketTypeId, string Name, int Capacity, int Available, int Held, int Sold);
