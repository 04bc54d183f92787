namespace Fashionistas.Grains.Runtime;

/// <summary>
/// Base class of grain implementations, shaped like Orleans' <c>Grain</c>: one activation per key,
/// one message at a time, so grain code needs no locks.
/// </summary>
public abstract class Grain : IGrainLifecycle
{
    private IGrainContext? _context;

    protected IGrainContext Context =>
        _context ?? throw new InvalidOperationException("The grain has not been activated by a runtime.");

    protected Guid GrainKey => Context.Key;

    protected IGrainFactory GrainFactory => Context.GrainFactory;

    protected TimeProvider Time => Context.Time;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected IDisposable RegisterTimer(Func<Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);

    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();

    void IGrainLifecycle.Attach(IGrainContext context) => _context = context;
}
