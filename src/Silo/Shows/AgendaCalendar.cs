using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Fashionistas.Silo.Shows;

/// <summary>An agenda as an iCalendar (.ics) file that phones and calendar apps import.</summary>
public static class AgendaCalendar
{
    /// <summary>Items without an end last this long in the calendar (a call time is a moment, but calendars want a span).</summary>
    private static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(30);

    /// <param name="items">The agenda.</param>
    /// <param name="titleOf">The summary to show for an item, in the reader's language.</param>
    /// <param name="stamp">When the file was made (DTSTAMP).</param>
    public static string ToIcs(IEnumerable<AgendaItem> items, Func<AgendaItem, string> titleOf, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(titleOf);
        var calendar = new Calendar { ProductId = "-//Fashionistas//Mi agenda//ES" };
        foreach (var item in items)
        {
            var starts = DateTime.SpecifyKind(item.StartsAt, DateTimeKind.Utc);
            var ends = item.EndsAt is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : starts + DefaultLength;
            calendar.Events.Add(new CalendarEvent
            {
                // Stable per item, so re-importing the file updates events instead of duplicating them.
                Uid = $"{item.Key}@fashionistas",
                Summary = titleOf(item),
                Location = item.Location is null ? item.Venue : $"{item.Location} · {item.Venue}",
                Description = item.EventName,
                DtStamp = new CalDateTime(stamp.UtcDateTime),
                DtStart = new CalDateTime(starts),
                DtEnd = new CalDateTime(ends),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
