using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to <see cref="ITicketTypeGrain.ReturnSeats"/>.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.ReturnResult")]
public abstract record ReturnResult
{
    private ReturnResult()
    {
    }

    public static ReturnResult NotFoundResult { get; } = new NotFound();

    /// <summary>
    /// <paramref name="SeatsReturned"/> tickets were voided now; <paramref name="AlreadyVoid"/> had been voided
    /// before (a retry), so their seats are not returned twice.
    /// </summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.ReturnResult.Returned")]
    public sealed record Returned(Guid OrderId, int SeatsReturned, int AlreadyVoid) : ReturnResult;

    /// <summary>No such order on this ticket type.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.ReturnResult.NotFound")]
    public sealed record NotFound : ReturnResult;

    /// <summary>The request names tickets that are not the order's, or that cannot be voided.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.ReturnResult.Invalid")]
    public sealed record Invalid(string Reason) : ReturnResult;
}
