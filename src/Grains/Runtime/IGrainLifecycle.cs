namespace Fashionistas.Grains.Runtime;

/// <summary>Used by the runtime only: binds an activation to its context and drives its lifetime.</summary>
public interface IGrainLifecycle
{
    void Attach(IGrainContext context);

    Task OnActivateAsync(CancellationToken cancellationToken);

    Task OnDeactivateAsync(CancellationToken cancellationToken);
}
