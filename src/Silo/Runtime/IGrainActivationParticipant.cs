namespace Fashionistas.Silo.Runtime;

/// <summary>A per-activation service that must do work (e.g. load state) before the grain's OnActivateAsync.</summary>
public interface IGrainActivationParticipant
{
    Task OnActivatingAsync(CancellationToken cancellationToken);
}
