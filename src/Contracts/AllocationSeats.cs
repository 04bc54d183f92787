using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// The seats of one reserved allocation of a ticket type: <see cref="Quantity"/> set aside, of which <see cref="Held"/>
/// are held and <see cref="Sold"/> sold through the allocation; the rest the public sale cannot take.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.AllocationSeats")]
public sealed record AllocationSeats(Guid AllocationId, int Quantity, int Held, int Sold)
{
    /// <summary>Seats still set aside and free to hold or issue.</summary>
    public int Remaining => Quantity - Held - Sold;
}
