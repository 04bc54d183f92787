using Fashionistas.Grains.Storage;

namespace Fashionistas.Grains.Codes;

/// <summary>The writes of a code's current batch, folded: a use granted and given back in one batch is written as given back.</summary>
public sealed class PendingCodeWrites
{
    private readonly List<StoredCodeUse> _newUses = [];
    private readonly Dictionary<Guid, int> _newUseIndex = [];
    private readonly HashSet<Guid> _released = [];
    private readonly Dictionary<Guid, StoredCodeUse> _lateSales = [];
    private DateTimeOffset? _disable;

    public bool IsEmpty => _newUses.Count == 0 && _released.Count == 0 && _lateSales.Count == 0 && _disable is null;

    public void AddUse(StoredCodeUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        _newUseIndex.Add(use.Id, _newUses.Count);
        _newUses.Add(use);
    }

    public void Release(Guid useId)
    {
        if (_newUseIndex.TryGetValue(useId, out var index))
        {
            _newUses[index] = _newUses[index] with { Released = true };
            return;
        }

        _released.Add(useId);
    }

    /// <summary>A use counted for a late payment: live again, overriding a give-back earlier in this batch.</summary>
    public void AddLateSale(StoredCodeUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        _released.Remove(use.Id);
        _lateSales[use.Id] = use;
    }

    public void Disable(DateTimeOffset at) => _disable = at;

    public PromoCodeBatch ToBatch(Guid codeId, long expectedVersion, int uses) =>
        new(codeId, expectedVersion, uses, [.. _newUses], [.. _released], _disable) { LateSales = [.. _lateSales.Values] };
}
