namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// The order a checkout made: status "paid" with its tickets, or "pending_payment" with where the payment goes on:
/// <paramref name="PaymentUrl"/>, Stripe's hosted payment page to send the buyer to, or (Stripe's <c>intent</c> mode) the
/// <paramref name="ClientSecret"/> an integrator's Payment Element confirms. The tickets then come by webhook; poll
/// GET /api/orders/{orderId}.
/// </summary>
public sealed record CheckoutResponse(
    Guid OrderId, string Status, long Total, string? ClientSecret, IReadOnlyList<IssuedTicketResponse>? Tickets, Uri? PaymentUrl = null);
