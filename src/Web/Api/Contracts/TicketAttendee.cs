namespace Fashionistas.Web.Api.Contracts;

/// <summary>Who uses the ticket <paramref name="Code"/>: a name and, when the event asks, a document number.</summary>
public sealed record TicketAttendee(string? Code, string? Name, string? Document);
