namespace Fashionistas.Grains.Runtime;

/// <summary>Hands out references to grains; the activation is created on the first call.</summary>
public interface IGrainFactory
{
    TGrain Get<TGrain>(Guid key) where TGrain : class, IGrainWithGuidKey;
}
