namespace Fashionistas.Web.Api.Contracts;

/// <summary>A ticket of an order; code is shown only to the ticket's current owner, and only while it is valid.</summary>
public sealed record OrderTicketResponse(
    Guid TicketId, string? Code, string Status, Guid OwnerId, DateTimeOffset? CheckedInAt, Guid? TicketTypeId = null, string? AttendeeName = null);
