using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// What an organizer defines for one ticket tier. Prices are whole Colombian pesos (COP).
/// Early-bird price applies before <see cref="EarlyBirdDeadline"/>; the group discount applies to
/// holds of at least <see cref="GroupDiscountThreshold"/> seats. Null sales bounds mean "open".
/// A <see cref="Hidden"/> tier is left out of public listings and is held only with a code that names it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.TicketTypeDefinition")]
public sealed record TicketTypeDefinition(
    string Name,
    string Description,
    long Price,
    int Capacity,
    int PerBuyerLimit,
    DateTimeOffset? SalesStart = null,
    DateTimeOffset? SalesEnd = null,
    long? EarlyBirdPrice = null,
    DateTimeOffset? EarlyBirdDeadline = null,
    int? GroupDiscountThreshold = null,
    int? GroupDiscountPercentage = null,
    bool Hidden = false);
