namespace Fashionistas.Silo.Checkout;

/// <summary>The answer to <see cref="RefundService.RefundAsync"/>.</summary>
public abstract record RefundOutcome
{
    private RefundOutcome()
    {
    }

    /// <summary>Done (or already done): <paramref name="RefundedNow"/> pesos went back in this call.</summary>
    public sealed record Refunded(OrderDetails Order, long RefundedNow) : RefundOutcome;

    public sealed record NotFound : RefundOutcome;

    /// <summary>The order never issued tickets (pending, failed or cancelled).</summary>
    public sealed record NotPaid(string Status) : RefundOutcome;

    /// <summary>The named tickets are not this order's or cannot be refunded.</summary>
    public sealed record InvalidTickets(string Reason) : RefundOutcome;

    /// <summary>
    /// The tickets are void and their seats back on sale, but the provider refused the money back; retrying the same
    /// refund asks the provider again with the same key.
    /// </summary>
    public sealed record ProviderRefused(string Reason) : RefundOutcome;

    /// <summary>The provider could not be reached; the tickets are void, retrying finishes the refund.</summary>
    public sealed record ProviderUnavailable(string Message) : RefundOutcome;
}
