namespace Fashionistas.Web.Live.Messages;

/// <summary>One ticket type's counters on an organizer's dashboard.</summary>
public sealed record DashboardTicketType(Guid TicketTypeId, int Capacity, int Available, int Held, int Sold);
