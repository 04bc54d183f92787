using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Storage;

/// <summary>
/// Builds a <see cref="SaleRequest"/> from an order as the inventory store reads it. It lives beside the store's
/// types, not in the contracts, so the contracts need nothing of the storage (<c>SaleRequest.From(order)</c> still reads
/// the same at the call sites).
/// </summary>
public static class SaleRequestFromOrder
{
    extension(SaleRequest)
    {
        /// <summary>The request for an order as the inventory store reads it.</summary>
        public static SaleRequest From(StoredOrder order, string? paymentReference = null)
        {
            ArgumentNullException.ThrowIfNull(order);
            return new SaleRequest(order.Id, order.HoldId, order.BuyerId, order.Quantity, order.Status)
            {
                Tickets = order.Tickets,
                PaymentReference = paymentReference,
            };
        }
    }
}
