using Orleans;
using Orleans.Concurrency;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// One promo or access code (key = its id): decides its uses in memory and commits them in batches, like the
/// ticket-type grain its seats, so a code with 100 uses is used exactly 100 times however many buyers race for it.
/// </summary>
[Alias("Fashionistas.IPromoCodeGrain")]
public interface IPromoCodeGrain : IGrainWithGuidKey
{
    /// <summary>The code and its live uses; null when there is no such code.</summary>
    Task<PromoCodeView?> Describe();

    /// <summary>Counts one use for a hold the caller is about to place (its id is the use's id).</summary>
    Task<CodeUseResult> Use(CodeUseRequest request);

    /// <summary>
    /// The hold <paramref name="useId"/> placed with this code ended, and its payment came in afterwards: counts its use
    /// (again) for the sale when the code has uses left overall and for <paramref name="buyerId"/>, else refuses. Its
    /// dates and being disabled do not matter: the hold was priced while the code was valid. Idempotent per use; if
    /// the sale does not happen, the caller gives the use back with <see cref="Return"/> (or the code's check does).
    /// </summary>
    Task<CodeUseResult> UseForLateSale(Guid useId, Guid buyerId);

    /// <summary>The hold was not placed (refused, or an earlier hold was replayed): the use is given back.</summary>
    Task Return(Guid useId);

    /// <summary>From ticket-type grains after their commit: these holds expired or were released.</summary>
    [OneWay]
    Task HoldsEnded(Guid[] useIds);

    /// <summary>Stops the code for new uses (holds already placed keep theirs); false when there is no such code.</summary>
    Task<bool> Disable();
}
