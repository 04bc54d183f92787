using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Checkout;

/// <summary>What became of an order whose payment succeeded (<see cref="PaymentCompletion.CompleteAsync"/>).</summary>
public abstract record CompletionResult
{
    private CompletionResult()
    {
    }

    /// <summary>The order is paid and its tickets exist; <paramref name="Replayed"/> when that had happened before.</summary>
    public sealed record Paid(IReadOnlyList<IssuedTicket> Tickets, bool Replayed) : CompletionResult;

    /// <summary>The hold had ended and its seats were gone: the payment was refunded in full, the order is refunded.</summary>
    public sealed record SeatsGone(string Reason) : CompletionResult;

    /// <summary>The order cannot be completed (e.g. it is not awaiting payment); nothing changed.</summary>
    public sealed record Rejected(string Reason) : CompletionResult;
}
