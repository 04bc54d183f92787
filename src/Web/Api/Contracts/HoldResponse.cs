namespace Fashionistas.Web.Api.Contracts;

/// <summary>A durable hold, valid until expiresAt.</summary>
public sealed record HoldResponse(Guid HoldId, Guid TicketTypeId, Guid EventId, int Quantity, long UnitPrice, long Total, DateTimeOffset ExpiresAt, string Status);
