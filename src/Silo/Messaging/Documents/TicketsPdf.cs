using Fashionistas.Silo.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>
/// One PDF per order, one A4 page per ticket: event, date, venue, tier, attendee (with the masked document when the
/// event asks; "no name assigned" and where to add it otherwise), the QR and the code under it. Text is written
/// WinAnsi-encoded (Spanish fits Windows-1252), so the codes stay plain, searchable strings in the page content.
/// </summary>
public static class TicketsPdf
{
    private const double Margin = 56;
    private const double QrSize = 260;

    public static byte[] Render(OrderDocumentFacts order, IReadOnlyList<TicketDocument> tickets, string ticketsLink)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(tickets);
        EmbeddedFontResolver.Install();
        var english = order.Language == MessageTemplates.English;
        var options = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        var title = new XFont(EmbeddedFontResolver.Family, 22, XFontStyleEx.Bold, options);
        var body = new XFont(EmbeddedFontResolver.Family, 13, XFontStyleEx.Regular, options);
        var code = new XFont(EmbeddedFontResolver.Family, 15, XFontStyleEx.Bold, options);

        using var document = new PdfDocument();
        document.Info.Title = (english ? "Tickets · " : "Boletas · ") + order.EventName;
        document.Info.Author = "Fashionistas";
        for (var i = 0; i < tickets.Count; i++)
        {
            var ticket = tickets[i];
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            var width = page.Width.Point - (2 * Margin);
            var y = Margin;
            graphics.DrawString(order.EventName, title, XBrushes.Black, new XRect(Margin, y, width, 30), XStringFormats.TopLeft);
            y += 44;
            string?[] lines =
            [
                (english ? "Date: " : "Fecha: ") + Bogota.DateAndTime(order.StartsAt),
                (english ? "Venue: " : "Lugar: ") + order.Venue,
                (english ? "Ticket: " : "Boleta: ") + ticket.Ticket.TicketTypeName + $" ({i + 1}/{tickets.Count})",
                AttendeeTexts.Attendee(ticket.Ticket, english),
                AttendeeTexts.Document(ticket.Ticket, english),
                ticket.Ticket.AttendeeName is null ? AttendeeTexts.AssignAt(ticketsLink, english) : null,
                (english ? "Holder: " : "Titular: ") + order.BuyerName,
                (english ? "Order: " : "Pedido: ") + order.ShortOrder,
            ];
            foreach (var line in lines.OfType<string>())
            {
                graphics.DrawString(line, body, XBrushes.Black, new XRect(Margin, y, width, 18), XStringFormats.TopLeft);
                y += 22;
            }

            y += 16;
            DrawQr(graphics, ticket.QrModules, Margin + ((width - QrSize) / 2), y);

            y += QrSize + 12;
            graphics.DrawString(ticket.Code, code, XBrushes.Black, new XRect(Margin, y, width, 20), XStringFormats.TopCenter);
            y += 36;
            graphics.DrawString(
                english ? "Show this code at the door. It works once." : "Muestra este código en la entrada. Sirve una sola vez.",
                body, XBrushes.Gray, new XRect(Margin, y, width, 18), XStringFormats.TopCenter);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void DrawQr(XGraphics graphics, bool[][] modules, double left, double top)
    {
        var size = QrSize / modules.Length;
        for (var row = 0; row < modules.Length; row++)
        {
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (modules[row][column])
                {
                    graphics.DrawRectangle(XBrushes.Black, left + (column * size), top + (row * size), size, size);
                }
            }
        }
    }
}
