using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to <see cref="ITicketTypeGrain.TransferTicket"/>.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.TransferResult")]
public abstract record TransferResult
{
    private TransferResult()
    {
    }

    public static TransferResult NotFoundResult { get; } = new NotFound();

    /// <summary>The old ticket is now transferred (its code stops working); <paramref name="NewTicket"/> is the recipient's.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.TransferResult.Transferred")]
    public sealed record Transferred(Guid OrderId, Guid OldTicketId, IssuedTicket NewTicket) : TransferResult;

    /// <summary>No such order on this ticket type, or the ticket is not part of it.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.TransferResult.NotFound")]
    public sealed record NotFound : TransferResult;

    /// <summary>The ticket cannot be transferred (it is void or already transferred).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.TransferResult.Invalid")]
    public sealed record Invalid(string Reason) : TransferResult;
}
