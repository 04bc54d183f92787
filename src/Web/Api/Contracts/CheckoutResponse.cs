namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// The order a checkout made: status "paid" with its tickets, or "pending_payment" with the Stripe client secret the
/// browser needs to finish paying (the tickets then come by webhook; poll GET /api/orders/{orderId}).
/// </summary>
public sealed record CheckoutResponse(Guid OrderId, string Status, long Total, string? ClientSecret, IReadOnlyList<IssuedTicketResponse>? Tickets);
