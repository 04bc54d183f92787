using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to <see cref="ITicketTypeGrain.ConfirmSale"/>.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.SaleResult")]
public abstract record SaleResult
{
    private SaleResult()
    {
    }

    public static SaleResult NotFoundResult { get; } = new NotFound();

    /// <summary>
    /// The order is paid and its tickets exist (committed together). <paramref name="Replayed"/> is true when
    /// the order had been confirmed before: the same tickets are returned.
    /// </summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.SaleResult.Sold")]
    public sealed record Sold(Guid OrderId, IReadOnlyList<IssuedTicket> Tickets, bool Replayed) : SaleResult;

    /// <summary>The hold ended and its seats are gone (or the event is cancelled): the caller refunds.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.SaleResult.NoSeats")]
    public sealed record NoSeats(string Reason) : SaleResult;

    /// <summary>No such order for this hold and ticket type.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.SaleResult.NotFound")]
    public sealed record NotFound : SaleResult;

    /// <summary>The order cannot be confirmed (e.g. it was cancelled or refunded, or does not match its hold).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.SaleResult.Invalid")]
    public sealed record Invalid(string Reason) : SaleResult;
}
