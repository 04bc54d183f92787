using Fashionistas.Grains.Domain;

namespace Fashionistas.Silo.Checkout;

/// <summary>Checks the attendees given at a group's checkout against the group: each of one of its tiers, no more than
/// that tier's seats, each with a valid name and (when the event asks) a valid document.</summary>
public static class GroupAttendees
{
    /// <summary>The attendees as stored, or null with <paramref name="reason"/>.</summary>
    public static IReadOnlyList<AttendeeEntry>? Normalize(
        HoldGroup group, IEnumerable<(Guid TicketTypeId, string? Name, string? Document)> given, bool documentRequired, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(given);
        var entries = new List<AttendeeEntry>();
        foreach (var (ticketTypeId, name, document) in given)
        {
            var normalizedName = AttendeeRules.NormalizeName(name, out reason);
            if (normalizedName is null)
            {
                return null;
            }

            string? normalizedDocument = null;
            if (documentRequired || !string.IsNullOrWhiteSpace(document))
            {
                normalizedDocument = AttendeeRules.NormalizeDocument(document, out reason);
                if (normalizedDocument is null)
                {
                    return null;
                }
            }

            entries.Add(new AttendeeEntry(ticketTypeId, normalizedName, normalizedDocument));
        }

        foreach (var tier in entries.GroupBy(e => e.TicketTypeId))
        {
            var seats = group.Holds.Where(h => h.TicketTypeId == tier.Key).Sum(h => h.Quantity);
            if (tier.Count() > seats)
            {
                reason = seats == 0 ? $"Ticket type {tier.Key} is not part of this order." : $"Ticket type {tier.Key} has {seats} tickets in this order, not {tier.Count()}.";
                return null;
            }
        }

        reason = null;
        return entries;
    }
}
