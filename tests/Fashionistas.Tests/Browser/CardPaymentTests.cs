using System.Text.RegularExpressions;
using Fashionistas.Tests.Checkout;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashionistas.Tests.Browser;

/// <summary>A card buyer in a real browser, paying on Stripe's hosted page (the local fake Stripe's).</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CardPaymentTests(HostedStripeApiFactory api, BrowserFixture browser)
    : IClassFixture<HostedStripeApiFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ACardBuyerIsSentToStripesPageAndSeesTheTicketsOnceStripeConfirmsThePayment()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 20);
        await using var buyer = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api), phone: true);
        var page = buyer.Page;
        await page.GotoAsync($"/event.html?id={show.Id}");
        var tier = page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']");
        await tier.GetByLabel("Cantidad").FillAsync("2");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await Expect(page.Locator("#hold")).ToContainTextAsync("Tus boletas están apartadas");

        await page.Locator("#pay").ClickAsync();

        // The card is typed on Stripe's page, never on ours.
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(api.Stripe.BaseAddress.AbsoluteUri) + "pay/cs_test_"));
        var sessionId = new Uri(page.Url).Segments[^1];
        var orderId = Guid.ParseExact(sessionId["cs_test_".Length..], "N");
        Assert.Equal(FakeStripeCheckout.SessionOf(orderId), sessionId);
        await Expect(page.Locator("#amount")).ToHaveTextAsync("200000 COP");
        await buyer.ScreenshotAsync("stripe-hosted-page-phone");

        // Paid there, Stripe sends the buyer back; the tickets wait for Stripe's webhook.
        await page.Locator("#pay").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/event\\.html\\?id={show.Id}&order={orderId}$"));
        await Expect(page.Locator("#pay-status")).ToContainTextAsync("Estamos esperando que Stripe confirme tu pago");
        var session = api.Checkout.Complete(sessionId);
        using (var stripe = api.Client())
        {
            (await StripeEvents.DeliverAsync(stripe, StripeEvents.CheckoutSessionCompleted(
                $"evt_browser_{orderId:N}", session, FakeStripeCheckout.PaymentIntentOf(orderId)))).EnsureSuccessStatusCode();
        }

        var hold = page.Locator("#hold");
        await Expect(hold).ToContainTextAsync("¡Listo! Estas son tus boletas");
        await Expect(hold.Locator("img.qr")).ToHaveCountAsync(2);
        await BuyingTests.ExpectImagesLoadedAsync(hold.Locator("img.qr"));
        await buyer.ScreenshotAsync("stripe-returned-tickets-phone");
        buyer.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ABuyerWhoLeavesStripesPageUnpaidFindsTheSeatsStillHeldAndCanPayAgain()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 5);
        await using var buyer = await browser.OpenAsync(api.BaseAddress, await SignedInUser.CreateAsync(api));
        var page = buyer.Page;
        await page.GotoAsync($"/event.html?id={show.Id}");
        var tier = page.Locator($"[data-tier-id='{show.TicketTypeIds[0]}']");
        await tier.GetByRole(AriaRole.Button, new() { Name = "Apartar" }).ClickAsync();
        await Expect(page.Locator("#hold")).ToContainTextAsync("Tus boletas están apartadas");
        await page.Locator("#pay").ClickAsync();
        await page.WaitForURLAsync(new Regex("/pay/cs_test_"));
        var paymentPage = page.Url;

        await page.Locator("#back").ClickAsync();

        await page.WaitForURLAsync(new Regex("payment=cancelled$"));
        await Expect(page.Locator("#pay-error")).ToContainTextAsync("No se completó el pago");
        await Expect(tier).ToContainTextAsync("Quedan 4 de 5");
        await page.Locator("#pay").ClickAsync();
        await page.WaitForURLAsync(paymentPage);
        buyer.AssertNoConsoleErrors();
    }
}
