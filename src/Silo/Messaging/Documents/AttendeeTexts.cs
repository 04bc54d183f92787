namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>How tickets name their attendee in the PDF and the e-mail, Spanish first and English.</summary>
public static class AttendeeTexts
{
    /// <summary>The attendee line of a ticket's page: the name, or that none is assigned yet.</summary>
    public static string Attendee(TicketLine ticket, bool english)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return (english ? "Attendee: " : "Asistente: ") + (ticket.AttendeeName ?? Unassigned(english));
    }

    /// <summary>The document line of a ticket's page, or null when the event does not ask for one.</summary>
    public static string? Document(TicketLine ticket, bool english)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.MaskedDocument is { } document ? (english ? "Document: " : "Documento: ") + document : null;
    }

    public static string Unassigned(bool english) => english ? "No name assigned" : "Sin nombre asignado";

    /// <summary>Where the owner names the tickets without one.</summary>
    public static string AssignAt(string link, bool english) =>
        (english ? "Add the names in My tickets: " : "Asigna los nombres en Mis boletas: ") + link;

    /// <summary>The e-mail's list of tickets: tier, code and attendee of each, and where to name the unnamed ones.</summary>
    public static IReadOnlyList<string> Details(IReadOnlyList<TicketLine> tickets, bool english, string ticketsLink)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var lines = new List<string> { english ? "Tickets:" : "Boletas:" };
        foreach (var ticket in tickets)
        {
            var document = ticket.MaskedDocument is { } masked ? (english ? " (document " : " (documento ") + masked + ")" : "";
            lines.Add($"- {ticket.TicketTypeName} {ticket.Code}: {ticket.AttendeeName ?? Unassigned(english)}{document}");
        }

        if (tickets.Any(t => t.AttendeeName is null))
        {
            lines.Add(AssignAt(ticketsLink, english));
        }

        return lines;
    }
}
