using Fashionistas.Grains.Runtime;

namespace Fashionistas.Silo.Runtime;

/// <summary>
/// Scoped service of an activation's DI scope: tells per-activation services (such as persistent state)
/// which grain they belong to, so grain constructors never need a key parameter.
/// </summary>
public sealed class GrainContextHolder
{
    private readonly List<IGrainActivationParticipant> _participants = [];
    private IGrainContext? _context;
    private string? _grainType;

    /// <summary>The activation this scope belongs to.</summary>
    public IGrainContext Context =>
        _context ?? throw new InvalidOperationException("This service scope does not belong to a grain activation.");

    /// <summary>The name grain state is stored under (the implementation class name).</summary>
    public string GrainType =>
        _grainType ?? throw new InvalidOperationException("This service scope does not belong to a grain activation.");

    /// <summary>Runs <paramref name="participant"/> during activation, before the grain's OnActivateAsync.</summary>
    public void AddParticipant(IGrainActivationParticipant participant) => _participants.Add(participant);

    internal void Attach(IGrainContext context, string grainType)
    {
        _context = context;
        _grainType = grainType;
    }

    internal async Task RunActivatingAsync(CancellationToken cancellationToken)
    {
        foreach (var participant in _participants)
        {
            await participant.OnActivatingAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
