using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>Durable uses of promo codes, written by the promo-code grain only.</summary>
public interface IPromoCodeStore
{
    /// <summary>Reads a code for activation; null when it does not exist.</summary>
    Task<PromoCodeLoad?> LoadAsync(Guid codeId, DateTimeOffset keysSince, CancellationToken cancellationToken);

    /// <summary>Writes a batch in one transaction, or nothing: throws when any part fails, the fence included.</summary>
    Task CommitAsync(PromoCodeBatch batch, CancellationToken cancellationToken);

    /// <summary>The status of each of these holds that exists.</summary>
    Task<IReadOnlyDictionary<Guid, HoldStatus>> HoldStatusesAsync(Guid[] holdIds, CancellationToken cancellationToken);
}
