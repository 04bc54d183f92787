namespace Fashionistas.Web.Api.Contracts;

/// <summary>The attendee of one ticket of tier <paramref name="TicketTypeId"/>.</summary>
public sealed record CheckoutAttendee(Guid? TicketTypeId, string? Name, string? Document);
