namespace Fashionistas.Silo.Runtime;

/// <summary>
/// A timer registered by a grain. Each tick is a turn in the activation's mailbox; the timer itself is the
/// message, so at most one tick of it is ever queued.
/// </summary>
internal sealed class GrainTimer : GrainMessage, IDisposable
{
    private readonly GrainActivation _activation;
    private readonly Func<Task> _callback;
    private readonly ITimer _timer;
    private int _queued;
    private volatile bool _disposed;

    public GrainTimer(GrainActivation activation, Func<Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;

        // Ticks must not carry the registering turn's AsyncLocals (trace context) into unrelated turns.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = activation.Time.CreateTimer(static state => ((GrainTimer)state!).Tick(), this, dueTime, period);
        }
    }

    public override bool IsCall => false;

    public override bool TurnSucceeded => true;

    public override async Task RunAsync(GrainActivation activation)
    {
        Volatile.Write(ref _queued, 0);
        if (_disposed)
        {
            return;
        }

        try
        {
            await _callback().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activation.TimerFailed(exception);
        }
    }

    public override void Complete()
    {
    }

    public override void Fail(Exception exception)
    {
    }

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void Tick()
    {
        if (_disposed || Interlocked.Exchange(ref _queued, 1) == 1)
        {
            return;
        }

        if (_activation.TryEnqueue(this) != EnqueueResult.Enqueued)
        {
            Volatile.Write(ref _queued, 0);
        }
    }
}
