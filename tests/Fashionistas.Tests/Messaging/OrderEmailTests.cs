using System.Text;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using MimeKit;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Fashionistas.Tests.Messaging;

/// <summary>The order e-mail over real SMTP: tickets inline, in one PDF and in the calendar.</summary>
public sealed class OrderEmailTests(SmtpApiFactory api) : IClassFixture<SmtpApiFactory>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheOrderEmailCarriesEveryTicketInItsPdfInlineAndInTheCalendar()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var buyer = await api.CreateUserAsync(name: "Valentina Ríos");
        var sale = await api.CreateOnSaleEventAsync(organizer);
        var (_, codes) = await new CheckoutDriver(api).BuyAsync(buyer, sale.TicketTypeIds[0], 3);

        var email = await ReceivedAsync(buyer.Email, m => m.Subject is { } s && s.StartsWith("Tus boletas", StringComparison.Ordinal));

        Assert.Equal("boletas@fashionistas.test", email.From.Mailboxes.Single().Address);
        Assert.Contains("Desfile de prueba", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Tus boletas para Desfile de prueba están confirmadas", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>", email.HtmlBody, StringComparison.Ordinal);

        var pdf = email.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "application/pdf");
        var pdfText = PdfText(pdf);
        Assert.All(codes, code => Assert.Contains(code, pdfText, StringComparison.Ordinal));

        var inline = email.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(codes.Count, inline.Count);
        Assert.All(inline, image => Assert.Contains($"cid:{image.ContentId}", email.HtmlBody, StringComparison.Ordinal));

        var calendar = email.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        var ics = Decode(calendar);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Desfile de prueba", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABuyerWhoChoseEnglishGetsTheEmailInEnglish()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var buyer = await api.CreateUserAsync(name: "Jane");
        using (var client = api.Client(buyer.Token))
        {
            using var set = await client.PutAsync("/api/me/preferences", JsonContent("""{"phone":null,"whatsAppOptIn":false,"language":"en"}"""));
            set.EnsureSuccessStatusCode();
        }

        var sale = await api.CreateOnSaleEventAsync(organizer);
        await new CheckoutDriver(api).BuyAsync(buyer, sale.TicketTypeIds[0], 1);

        var email = await ReceivedAsync(buyer.Email, m => m.Subject is { } s && s.StartsWith("Your tickets", StringComparison.Ordinal));
        Assert.StartsWith("Hi Jane! Your tickets for Desfile de prueba are confirmed.", email.TextBody, StringComparison.Ordinal);
    }

    private async Task<MimeMessage> ReceivedAsync(string address, Func<MimeMessage, bool> matches)
    {
        MimeMessage? found = null;
        Assert.True(await Eventually.TrueAsync(
            () => (found = api.Smtp.Messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address) && matches(m))) is not null,
            Delivery), $"no matching e-mail reached {address}");
        return found!;
    }

    /// <summary>The text-showing operands of every page's content stream, read back with PDFsharp's own reader.</summary>
    private static string PdfText(MimePart pdf)
    {
        using var bytes = new MemoryStream();
        pdf.Content!.DecodeTo(bytes);
        bytes.Position = 0;
        using var document = PdfReader.Open(bytes, PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            for (var i = 0; i < page.Contents.Elements.Count; i++)
            {
                text.Append(Encoding.Latin1.GetString(page.Contents.Elements.GetDictionary(i)!.Stream.UnfilteredValue));
            }
        }

        return text.ToString();
    }

    private static string Decode(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
