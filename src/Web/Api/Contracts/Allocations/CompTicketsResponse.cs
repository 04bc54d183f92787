using Fashionistas.Grains.Contracts;

namespace Fashionistas.Web.Api.Contracts.Allocations;

/// <summary>The comp tickets issued (each is e-mailed or sent by WhatsApp to its person) and the allocation's seats now.</summary>
public sealed record CompTicketsResponse(IReadOnlyList<IssuedCompResponse> Tickets, AllocationSeats Seats);
