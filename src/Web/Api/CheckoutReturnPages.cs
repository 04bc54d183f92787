using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Payments;

namespace Fashionistas.Web.Api;

/// <summary>
/// Where Stripe's hosted payment page sends the buyer back: the event page, which (given <c>order</c>) watches the order
/// until the webhook has issued the tickets, or (given <c>payment=cancelled</c> too) offers the held seats again.
/// </summary>
public static class CheckoutReturnPages
{
    /// <summary>The site's root: <c>Payments:Stripe:SiteUrl</c> when set, else the scheme and host the request came to.</summary>
    public static Func<OrderRecord, PaymentReturn> For(HttpRequest request, string? siteUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = new Uri(string.IsNullOrWhiteSpace(siteUrl) ? $"{request.Scheme}://{request.Host}/" : siteUrl.TrimEnd('/') + "/");
        return order => new PaymentReturn(
            new Uri(site, $"event.html?id={order.EventId}&order={order.Id}"),
            new Uri(site, $"event.html?id={order.EventId}&order={order.Id}&payment=cancelled"));
    }
}
