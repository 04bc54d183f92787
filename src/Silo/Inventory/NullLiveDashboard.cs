using Fashionistas.Grains.Publishing;

namespace Fashionistas.Silo.Inventory;

/// <summary>The default dashboard feed when no live-update channel is registered: it drops everything.</summary>
public sealed class NullLiveDashboard : ILiveDashboard
{
    public void CheckInsChanged(Guid eventId, int count)
    {
    }
}
