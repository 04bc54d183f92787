namespace Fashionistas.Silo.Checkout;

/// <summary>The answer to <see cref="CheckoutService.CheckoutAsync"/>.</summary>
public abstract record CheckoutResult
{
    private CheckoutResult()
    {
    }

    /// <summary>Paid, tickets issued (also when a retry finds it so).</summary>
    public sealed record Paid(PaidCheckout Order) : CheckoutResult;

    /// <summary>
    /// The payment continues in the buyer's browser (Stripe): on the provider's page at <paramref name="PaymentUrl"/>,
    /// or confirmed with <paramref name="ClientSecret"/>; the webhook will tell the outcome.
    /// </summary>
    public sealed record Pending(OrderRecord Order, string? ClientSecret, Uri? PaymentUrl = null) : CheckoutResult;

    /// <summary>The provider declined; the order is failed and the hold keeps its seats until it expires, so the buyer may retry.</summary>
    public sealed record Declined(OrderRecord Order, string Reason, DateTimeOffset HoldExpiresAt) : CheckoutResult;

    /// <summary>The payment went through after the hold had ended and the seats were gone: it was refunded.</summary>
    public sealed record SeatsGone(OrderRecord Order, string Reason) : CheckoutResult;

    /// <summary>No such hold for this buyer.</summary>
    public sealed record HoldNotFound : CheckoutResult;

    /// <summary>The hold was released, expired or converted before any order was made for it.</summary>
    public sealed record HoldEnded(string Status) : CheckoutResult;

    /// <summary>The hold's order cannot be paid any more (refunded, cancelled, or refused by the inventory).</summary>
    public sealed record OrderClosed(OrderRecord Order, string Reason) : CheckoutResult;

    /// <summary>A retry with an idempotency key whose first successful answer (JSON) is stored: nothing was done again.</summary>
    public sealed record Replayed(string Answer) : CheckoutResult;

    /// <summary>The attendees given for the tickets are not acceptable (a name, a document the event asks for, a tier's count).</summary>
    public sealed record AttendeesInvalid(string Reason) : CheckoutResult;

    /// <summary>The payment provider could not answer; retrying later with the same hold is safe.</summary>
    public sealed record ProviderUnavailable(string Message, bool IsTransient) : CheckoutResult;
}
