using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>The event as an iCalendar (<c>.ics</c>) entry the buyer's calendar app can add in one tap.</summary>
public static class EventCalendarEntry
{
    public static string Render(OrderDocumentFacts order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Fashionistas//Tickets//ES", Method = "PUBLISH" };
        calendar.Events.Add(new CalendarEvent
        {
            // One entry per event and order: re-sending the e-mail updates the same calendar item instead of adding one.
            Uid = string.Create(CultureInfo.InvariantCulture, $"{order.EventId:N}-{order.OrderId:N}@fashionistas"),
            Summary = order.EventName,
            Location = order.Venue,
            Description = (order.Language == MessageTemplates.English ? "Order " : "Pedido ") + order.ShortOrder,
            DtStart = new CalDateTime(order.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(order.EndsAt.UtcDateTime),
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
