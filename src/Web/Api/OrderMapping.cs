using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Tickets;
using Fashionistas.Web.Api.Contracts;

namespace Fashionistas.Web.Api;

/// <summary>Orders and tickets as the API shows them.</summary>
internal static class OrderMapping
{
    private const string ValidTicket = "valid";

    public static string QrUrl(string code) => $"/api/tickets/{code}/qr.png";

    public static OrderResponse ToResponse(OrderDetails details, Guid viewerId)
    {
        var o = details.Order;
        return new OrderResponse(
            o.Id, o.HoldId, o.BuyerId, o.EventId, o.EventName, o.TicketTypeId, o.TicketTypeName, o.Quantity, o.UnitPrice, o.Total,
            o.RefundedAmount, o.Currency, o.Status, o.PaymentProvider, o.CreatedAt, o.PaidAt, o.DisputedAt,
            [.. details.Tickets.Select(t => new OrderTicketResponse(
                t.Id, t.OwnerId == viewerId && t.Status == ValidTicket ? t.Code : null, t.Status, t.OwnerId, t.CheckedInAt, t.TicketTypeId,
                t.AttendeeName))])
        {
            GroupId = o.GroupId,
        };
    }

    public static TicketResponse ToResponse(TicketRecord t) => new(
        t.Id, t.Code, QrUrl(t.Code), t.OrderId, t.EventId, t.EventName, t.TicketTypeId, t.TicketTypeName, t.Status, t.CheckedInAt, t.AttendeeName, t.AttendeeDocument);

    /// <summary>A paid checkout: the owner's valid tickets of the order.</summary>
    public static CheckoutResponse Paid(PaidCheckout paid) => new(
        paid.OrderId,
        paid.Status,
        paid.Total,
        null,
        [.. paid.Tickets.Select(t => new IssuedTicketResponse(t.TicketId, t.Code, QrUrl(t.Code)))]);
}
