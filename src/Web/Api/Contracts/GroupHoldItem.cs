namespace Fashionistas.Web.Api.Contracts;

/// <summary>How many seats of one tier.</summary>
public sealed record GroupHoldItem(Guid? TicketTypeId, int? Quantity);
