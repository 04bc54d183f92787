namespace Fashionistas.Web.Api.Contracts;

/// <summary>The old ticket is dead; the recipient finds the new one (with its new code) under GET /api/me/tickets.</summary>
public sealed record TransferResponse(Guid OldTicketId, Guid NewTicketId, Guid RecipientId, string Status);
