using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>The answer to <see cref="ITicketTypeGrain.Hold"/>: only <see cref="Accepted"/> holds seats.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.HoldResult")]
public abstract record HoldResult
{
    private HoldResult()
    {
    }

    public static HoldResult NotFoundResult { get; } = new NotFound();

    /// <summary>The seats are held (durably: this answer is sent only after the commit).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.HoldResult.Accepted")]
    public sealed record Accepted(HoldInfo Hold) : HoldResult;

    /// <summary>Fewer than the requested seats are left; <paramref name="Available"/> says how many.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.HoldResult.SoldOut")]
    public sealed record SoldOut(int Available) : HoldResult;

    /// <summary>The buyer would exceed the per-buyer limit counting their active holds and purchased seats.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.HoldResult.OverBuyerLimit")]
    public sealed record OverBuyerLimit(int Limit, int AlreadyHeld) : HoldResult;

    /// <summary>The event is not on sale or the sales window is closed.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.HoldResult.NotOnSale")]
    public sealed record NotOnSale(string Reason) : HoldResult;

    /// <summary>The request itself is wrong (quantity, buyer, idempotency key).</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.HoldResult.Invalid")]
    public sealed record Invalid(string Reason) : HoldResult;

    /// <summary>No such ticket type.</summary>
    [GenerateSerializer, Immutable, Alias("Fashionistas.HoldResult.NotFound")]
    public sealed record NotFound : HoldResult;
}
