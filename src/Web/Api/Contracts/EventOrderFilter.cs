using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Checkout;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>The filters of an event's order list: an order status, and a piece of the buyer's e-mail or name.</summary>
public sealed record EventOrderFilter(string? Status, string? Search)
{
    public const int MaxSearchLength = 100;

    public static IReadOnlyList<string> Statuses { get; } =
    [
        OrderStatusNames.PendingPayment, OrderStatusNames.Paid, OrderStatusNames.Failed, OrderStatusNames.Refunded,
        OrderStatusNames.PartiallyRefunded, OrderStatusNames.Cancelled,
    ];

    public Validation Validate() => new Validation()
        .Require(Status is null || Statuses.Contains(Status), "status", $"status must be one of: {string.Join(", ", Statuses)}.")
        .Require(Search is null || Search.Length <= MaxSearchLength, "search", $"search must be at most {MaxSearchLength} characters.");
}
