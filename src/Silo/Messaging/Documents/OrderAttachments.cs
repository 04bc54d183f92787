using System.Globalization;
using System.Text;
using Fashionistas.Silo.Tickets;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>
/// What the order e-mail carries: each ticket's QR inline, one PDF with every ticket (and its attendee), and the .ics
/// entry (left out of an updated-ticket e-mail: the event is in the calendar already).
/// </summary>
public sealed class OrderAttachments(TicketQrRenderer qr, IOptions<MessagingOptions> messaging)
{
    /// <summary>Where the owner sees and names their tickets.</summary>
    public string TicketsLink => messaging.Value.PublicBaseUrl.TrimEnd('/') + "/tickets.html";

    public IReadOnlyList<MessageAttachment> For(OrderDocumentFacts order, IReadOnlyList<TicketLine> tickets, bool calendar = true)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(tickets);
        var documents = tickets.Select(t => new TicketDocument(t, qr.Modules(t.Code))).ToList();
        var english = order.Language == MessageTemplates.English;
        var attachments = documents
            .Select((t, i) => new MessageAttachment(
                $"{(english ? "ticket" : "boleta")}-{t.Code}.png", "image/png", qr.RenderPng(t.Code),
                string.Create(CultureInfo.InvariantCulture, $"qr{i + 1}.{order.OrderId:N}@fashionistas")))
            .ToList();
        attachments.Add(new MessageAttachment(
            $"{(english ? "tickets" : "boletas")}-{order.ShortOrder}.pdf", "application/pdf", TicketsPdf.Render(order, documents, TicketsLink)));
        if (calendar)
        {
            attachments.Add(new MessageAttachment(
                "evento.ics", "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(EventCalendarEntry.Render(order))));
        }

        return attachments;
    }
}
