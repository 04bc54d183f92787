using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Checkout;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.MultiTier;
using MimeKit;

namespace Fashionistas.Tests.Messaging;

/// <summary>
/// Attendee names in the order e-mail over real SMTP: given at checkout they are on the PDF and in the body; changed
/// after the confirmation went out, the owner gets one updated ticket per change; bad changes are refused and mail nothing.
/// </summary>
public sealed class AttendeeEmailTests(SmtpApiFactory api) : IClassFixture<SmtpApiFactory>
{
    private readonly MultiTierDriver shop = new(api);
    private readonly CheckoutDriver checkout = new(api);

    [Fact]
    public async Task NamesGivenAtCheckoutAreOnTheConfirmationPdfAndInItsBodyWithTheDocumentMasked()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var (general, vip) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        await AskForDocumentsAsync(organizer, show.Id);
        var buyer = await api.CreateUserAsync(name: "Compradora");
        var groupId = await shop.HeldGroupAsync(buyer, show.Id, (general, 2), (vip, 1));

        var (paid, _) = await shop.CheckoutAsync(buyer, groupId, new
        {
            attendees = new[]
            {
                new { ticketTypeId = general, name = "Laura Gomez", document = "1.020.304.050" },
                new { ticketTypeId = vip, name = "Sofia Rios", document = "E-55667788" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, paid);
        var confirmations = await ConfirmationsAsync(buyer, count: 2);
        var pdf = string.Concat(confirmations.Select(EmailParts.PdfText));
        var body = string.Concat(confirmations.Select(m => m.TextBody));
        Assert.Contains("Asistente: Laura Gomez", pdf, StringComparison.Ordinal);
        Assert.Contains("Asistente: Sofia Rios", pdf, StringComparison.Ordinal);
        Assert.Contains("Documento: ******4050", pdf, StringComparison.Ordinal);
        Assert.Contains("Documento: *****7788", pdf, StringComparison.Ordinal);
        Assert.Contains("Asistente: Sin nombre asignado", pdf, StringComparison.Ordinal);
        Assert.Contains("Laura Gomez (documento ******4050)", body, StringComparison.Ordinal);
        Assert.Contains(": Sin nombre asignado", body, StringComparison.Ordinal);
        Assert.Contains("Asigna los nombres en Mis boletas: http", body, StringComparison.Ordinal);
        Assert.Contains("/tickets.html", body, StringComparison.Ordinal);
        Assert.DoesNotContain("1020304050", pdf + body, StringComparison.Ordinal);
        Assert.DoesNotContain("E55667788", pdf + body, StringComparison.Ordinal);

        // Names given at checkout are not changes by the owner: nothing more is mailed.
        await OutboxDrainedAsync(buyer);
        Assert.Empty(Updates(buyer));
    }

    [Fact]
    public async Task AConfirmationComposedBeforeTheCheckoutNamesWereWrittenStillShowsThem()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [10, 5]);
        var buyer = await api.CreateUserAsync();
        var groupId = await shop.HeldGroupAsync(buyer, show.Id, (show.TicketTypeIds[0], 1), (show.TicketTypeIds[1], 1));
        var (paid, _) = await shop.CheckoutAsync(buyer, groupId, new { attendees = new[] { new { ticketTypeId = show.TicketTypeIds[1], name = "Valeria Mora" } } });
        Assert.Equal(HttpStatusCode.OK, paid);
        await ConfirmationsAsync(buyer, count: 2);
        await OutboxDrainedAsync(buyer);

        // The moment the tier's commit queues its confirmation: tickets issued, the checkout's names not yet on them.
        await shop.ScalarAsync(
            "WITH u AS (UPDATE tickets SET attendee_name = NULL WHERE order_id IN (SELECT id FROM orders WHERE order_group_id = $1) RETURNING 1) SELECT count(*) FROM u",
            groupId);
        await shop.ScalarAsync(
            "WITH i AS (INSERT INTO outbox (kind, payload) SELECT 'ticket_confirmation', jsonb_build_object('orderId', id) FROM orders WHERE order_group_id = $1 AND ticket_type_id = $2 RETURNING 1) SELECT count(*) FROM i",
            groupId, show.TicketTypeIds[1]);

        var resent = (await ConfirmationsAsync(buyer, count: 3))[2];
        Assert.Contains("Asistente: Valeria Mora", EmailParts.PdfText(resent), StringComparison.Ordinal);
        Assert.Equal(1, await shop.ScalarAsync("SELECT count(*) FROM tickets WHERE attendee_name = 'Valeria Mora' AND owner_id = $1", buyer.Id));
    }

    [Fact]
    public async Task RenamesRacingTheConfirmationsAreEachInTheLastTicketMailed()
    {
        const int Buyers = 20;
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: [Buyers * 2]);
        var buyers = new List<TestUser>();
        for (var i = 0; i < Buyers; i++)
        {
            buyers.Add(await api.CreateUserAsync());
        }

        // Each buyer renames a ticket the moment the purchase answers, while the outbox composes the confirmations.
        var finalNames = await Task.WhenAll(buyers.Select(async (buyer, i) =>
        {
            var (_, codes) = await checkout.BuyAsync(buyer, show.TicketTypeIds[0], 2);
            using var client = api.Client(buyer.Token);
            foreach (var name in new[] { $"Primera {i:00}", $"Segunda {i:00}" })
            {
                using var renamed = await client.PutAsJsonAsync($"/api/tickets/{codes[0]}/attendee", new { name });
                Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            }

            return (Buyer: buyer, Code: codes[0], Name: $"Segunda {i:00}");
        }));

        foreach (var (buyer, code, name) in finalNames)
        {
            await OutboxDrainedAsync(buyer);
            var last = api.Received(buyer.Email, m => m.TextBody is { } text && text.Contains(code, StringComparison.Ordinal)).Last();
            Assert.Contains($"{code}: {name}", last.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARenameAfterTheConfirmationSendsOneUpdatedTicketInTheOwnersLanguage()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var buyer = await api.CreateUserAsync(name: "Jane");
        using var client = api.Client(buyer.Token);
        using (var english = await client.PutAsJsonAsync("/api/me/preferences", new { phone = (string?)null, whatsAppOptIn = false, language = "en" }))
        {
            english.EnsureSuccessStatusCode();
        }

        var (_, codes) = await checkout.BuyAsync(buyer, show.TicketTypeIds[0], 2);
        var confirmation = await api.ReceivedAsync(buyer.Email, m => m.Subject is { } s && s.StartsWith("Your tickets", StringComparison.Ordinal));
        Assert.Contains("Attendee: No name assigned", EmailParts.PdfText(confirmation), StringComparison.Ordinal);
        Assert.Contains("Add the names in My tickets: http", confirmation.TextBody, StringComparison.Ordinal);

        using var renamed = await client.PutAsJsonAsync($"/api/tickets/{codes[1]}/attendee", new { name = "Camila Perez" });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await OutboxDrainedAsync(buyer);
        var update = Assert.Single(Updates(buyer));
        Assert.StartsWith("Updated tickets: Desfile de prueba", update.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Hi Jane, you changed who attends Desfile de prueba.", update.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{codes[1]}: Camila Perez", update.TextBody, StringComparison.Ordinal);
        var pdf = EmailParts.PdfText(update);
        Assert.Contains("Attendee: Camila Perez", pdf, StringComparison.Ordinal);
        Assert.Contains(codes[1], pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], pdf, StringComparison.Ordinal);
        Assert.Single(update.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        Assert.DoesNotContain(update.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");

        // The same name again changes nothing and mails nothing.
        using var again = await client.PutAsJsonAsync($"/api/tickets/{codes[1]}/attendee", new { name = "Camila Perez" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await OutboxDrainedAsync(buyer);
        Assert.Single(Updates(buyer));
    }

    [Fact]
    public async Task NamingTenTicketsInOneRequestSendsOneEmailWithEveryName()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var buyer = await api.CreateUserAsync(name: "Empresa");
        var (_, codes) = await checkout.BuyAsync(buyer, show.TicketTypeIds[0], 10);
        await ConfirmationsAsync(buyer, count: 1);
        using var client = api.Client(buyer.Token);

        using var named = await client.PutAsJsonAsync("/api/tickets/attendees", new
        {
            attendees = codes.Select((code, i) => new { code, name = $"Invitada {i + 1:00}" }).ToArray(),
        });

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var tickets = await named.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10, tickets.GetArrayLength());
        await OutboxDrainedAsync(buyer);
        var update = Assert.Single(Updates(buyer));
        var pdf = EmailParts.PdfText(update);
        Assert.All(Enumerable.Range(1, 10), i => Assert.Contains($"Asistente: Invitada {i:00}", pdf, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.Contains(code, update.TextBody, StringComparison.Ordinal));
        Assert.Equal(10, update.BodyParts.OfType<MimePart>().Count(p => p.ContentType.MimeType == "image/png"));
    }

    [Fact]
    public async Task BadChangesAreRefusedWithProblemJsonWriteNothingAndMailNothing()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        await AskForDocumentsAsync(organizer, show.Id);
        var buyer = await api.CreateUserAsync();
        var stranger = await api.CreateUserAsync();
        var (_, codes) = await checkout.BuyAsync(buyer, show.TicketTypeIds[0], 2);
        var (_, strangersCodes) = await checkout.BuyAsync(stranger, show.TicketTypeIds[0], 1);
        await ConfirmationsAsync(buyer, count: 1);
        using var client = api.Client(buyer.Token);
        var good = new { code = codes[0], name = "Ana", document = "12345678" };

        var refusals = new (object Body, HttpStatusCode Expected)[]
        {
            (new { attendees = Array.Empty<object>() }, HttpStatusCode.BadRequest),
            (new { attendees = new object[] { good, new { code = codes[1], name = "Bea" } } }, HttpStatusCode.BadRequest),
            (new { attendees = new object[] { good, new { code = codes[1], name = "Bea", document = "12#45678" } } }, HttpStatusCode.BadRequest),
            (new { attendees = new object[] { good, new { code = codes[1], name = new string('x', 121), document = "12345678" } } }, HttpStatusCode.BadRequest),
            (new { attendees = new object[] { good, new { code = codes[1], name = "Bea\u0007", document = "12345678" } } }, HttpStatusCode.BadRequest),
            (new { attendees = new object[] { good, good } }, HttpStatusCode.BadRequest),
            (new { attendees = new object[] { good, new { code = strangersCodes[0], name = "Bea", document = "12345678" } } }, HttpStatusCode.NotFound),
            (new { attendees = new object[] { good, new { code = "NOPE-NOPE-NOPE", name = "Bea", document = "12345678" } } }, HttpStatusCode.NotFound),
            (new { attendees = Enumerable.Repeat(good, 101).ToArray() }, HttpStatusCode.BadRequest),
        };
        foreach (var (body, expected) in refusals)
        {
            using var response = await client.PutAsJsonAsync("/api/tickets/attendees", body);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var raw = await client.PutAsync("/api/tickets/attendees", new StringContent("{\"attendees\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.Equal(0, await shop.ScalarAsync("SELECT count(*) FROM tickets WHERE owner_id = $1 AND attendee_name IS NOT NULL", buyer.Id));
        Assert.Equal(0, await shop.ScalarAsync("SELECT count(*) FROM outbox WHERE kind = 'attendee_update' AND payload->>'ownerId' = $1", buyer.Id.ToString()));
        await OutboxDrainedAsync(buyer);
        Assert.Empty(Updates(buyer));
    }

    [Fact]
    public async Task AnAttendeeChangesAtMostFiveTimesAndNeverAfterTheDoor()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var buyer = await api.CreateUserAsync();
        var (_, codes) = await checkout.BuyAsync(buyer, show.TicketTypeIds[0], 2);
        using var client = api.Client(buyer.Token);

        for (var i = 1; i <= 5; i++)
        {
            using var change = await client.PutAsJsonAsync($"/api/tickets/{codes[0]}/attendee", new { name = $"Nombre {i}" });
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }

        using var sixth = await client.PutAsJsonAsync($"/api/tickets/{codes[0]}/attendee", new { name = "Nombre 6" });
        var (door, _) = await checkout.CheckInAsync(organizer, show.Id, codes[1]);
        using var afterDoor = await client.PutAsJsonAsync($"/api/tickets/{codes[1]}/attendee", new { name = "Tarde" });

        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Equal("application/problem+json", sixth.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, door);
        Assert.Equal(HttpStatusCode.Conflict, afterDoor.StatusCode);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/me/tickets");
        Assert.Equal("Nombre 5", mine.EnumerateArray().Single(t => t.GetProperty("code").GetString() == codes[0]).GetProperty("attendeeName").GetString());
        Assert.Equal(JsonValueKind.Null, mine.EnumerateArray().Single(t => t.GetProperty("code").GetString() == codes[1]).GetProperty("attendeeName").ValueKind);
    }

    private async Task AskForDocumentsAsync(TestUser organizer, Guid eventId)
    {
        using var client = api.Client(organizer.Token);
        using var ask = await client.PutAsJsonAsync($"/api/events/{eventId}/attendee-settings", new { documentRequired = true });
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
    }

    private async Task<IReadOnlyList<MimeMessage>> ConfirmationsAsync(TestUser buyer, int count)
    {
        Assert.True(await Eventually.TrueAsync(() => Confirmations(buyer).Count >= count, TimeSpan.FromSeconds(30)), "the confirmation did not arrive");
        return Confirmations(buyer);
    }

    private IReadOnlyList<MimeMessage> Confirmations(TestUser buyer) =>
        api.Received(buyer.Email, m => m.Subject is { } s && (s.StartsWith("Tus boletas", StringComparison.Ordinal) || s.StartsWith("Your tickets", StringComparison.Ordinal)));

    private IReadOnlyList<MimeMessage> Updates(TestUser buyer) =>
        api.Received(buyer.Email, m => m.Subject is { } s && (s.StartsWith("Boletas actualizadas", StringComparison.Ordinal) || s.StartsWith("Updated tickets", StringComparison.Ordinal)));

    /// <summary>Every message of the buyer's orders and changes went out (or none was queued).</summary>
    private async Task OutboxDrainedAsync(TestUser buyer) =>
        Assert.True(await Eventually.TrueAsync(
            async () => await shop.ScalarAsync(
                """
                SELECT count(*) FROM outbox
                WHERE processed_at IS NULL
                  AND (payload->>'ownerId' = $1 OR (payload->>'orderId')::uuid IN (SELECT id FROM orders WHERE buyer_id = $2))
                """, buyer.Id.ToString(), buyer.Id) == 0,
            TimeSpan.FromSeconds(30)), "the outbox did not deliver the buyer's messages");
}
