using System.Text;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using MimeKit;

namespace Fashionistas.Tests.Messaging;

/// <summary>The order e-mail over real SMTP: tickets inline, in one PDF and in the calendar.</summary>
public sealed class OrderEmailTests(SmtpApiFactory api) : IClassFixture<SmtpApiFactory>
{
    [Fact]
    public async Task TheOrderEmailCarriesEveryTicketInItsPdfInlineAndInTheCalendar()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var buyer = await api.CreateUserAsync(name: "Valentina Ríos");
        var sale = await api.CreateOnSaleEventAsync(organizer);
        var (_, codes) = await new CheckoutDriver(api).BuyAsync(buyer, sale.TicketTypeIds[0], 3);

        var email = await api.ReceivedAsync(buyer.Email, m => m.Subject is { } s && s.StartsWith("Tus boletas", StringComparison.Ordinal));

        Assert.Equal("boletas@fashionistas.test", email.From.Mailboxes.Single().Address);
        Assert.Contains("Desfile de prueba", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Tus boletas para Desfile de prueba están confirmadas", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>", email.HtmlBody, StringComparison.Ordinal);

        var pdf = email.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "application/pdf");
        var pdfText = EmailParts.PdfText(pdf);
        Assert.All(codes, code => Assert.Contains(code, pdfText, StringComparison.Ordinal));

        var inline = email.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(codes.Count, inline.Count);
        Assert.All(inline, image => Assert.Contains($"cid:{image.ContentId}", email.HtmlBody, StringComparison.Ordinal));

        var calendar = email.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        var ics = EmailParts.Decode(calendar);
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

        var email = await api.ReceivedAsync(buyer.Email, m => m.Subject is { } s && s.StartsWith("Your tickets", StringComparison.Ordinal));
        Assert.StartsWith("Hi Jane! Your tickets for Desfile de prueba are confirmed.", email.TextBody, StringComparison.Ordinal);
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
