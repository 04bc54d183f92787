namespace Fashionistas.Web.Api.Contracts.Allocations;

/// <summary>One comp ticket: its free order, its person and the ticket (its code goes only to the person).</summary>
public sealed record IssuedCompResponse(Guid OrderId, Guid OwnerId, string Name, Guid TicketId);
