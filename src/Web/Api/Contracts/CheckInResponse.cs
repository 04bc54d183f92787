namespace Fashionistas.Web.Api.Contracts;

/// <summary>An admitted ticket.</summary>
public sealed record CheckInResponse(Guid TicketId, string AttendeeName, string TicketType, DateTimeOffset CheckedInAt);
