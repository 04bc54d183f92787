namespace Fashionistas.Silo.Checkout;

/// <summary>The answer to <see cref="OrderCancellation.CancelAsync"/>.</summary>
public abstract record CancelOutcome
{
    private CancelOutcome()
    {
    }

    /// <summary>The order is cancelled and its seats are back on sale; <paramref name="AlreadyCancelled"/> when an earlier call did it.</summary>
    public sealed record Cancelled(OrderDetails Order, bool AlreadyCancelled) : CancelOutcome;

    public sealed record NotFound : CancelOutcome;

    /// <summary>The order was paid (its tickets exist, or some were refunded): it is refunded, not cancelled.</summary>
    public sealed record Paid(string Status) : CancelOutcome;

    /// <summary>The provider already took (or is taking) the money, so the payment cannot be stopped; it will settle as paid.</summary>
    public sealed record PaymentInProgress(string? ProviderStatus) : CancelOutcome;

    /// <summary>The provider could not be asked to cancel the payment; nothing changed, retrying may succeed when transient.</summary>
    public sealed record ProviderUnavailable(string Message, bool IsTransient) : CancelOutcome;
}
