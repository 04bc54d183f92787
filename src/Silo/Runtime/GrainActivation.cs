using System.Threading.Channels;
using Fashionistas.Grains.Runtime;
using Fashionistas.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Runtime;

/// <summary>
/// One live grain: its mailbox and the loop that runs its turns one at a time, in batches, flushing
/// group-commit grains once per batch before answering.
/// </summary>
/// <remarks>
/// Pipelined group commit (<see cref="IPipelinedGroupCommitGrain"/>, <see cref="GrainRuntimeOptions.PipelineCommits"/>):
/// the loop keeps at most one commit in flight. While batch N commits, the turns of batch N+1 run; then the loop
/// waits for N, runs the grain's AfterCommit for N and answers N's callers, and only then takes N+1's writes and
/// starts their commit. Commits are therefore in order and one at a time, grain code runs only on this loop (never
/// concurrently with itself), and a failed commit N fails N+1's callers too before the activation is dropped.
/// </remarks>
/// <remarks>
/// Lifetime: created on first call; the loop activates the grain (first turn), runs batches until the
/// mailbox is closed (idle, <see cref="IGrainContext.DeactivateOnIdle"/>, shutdown or a failed flush), then
/// deactivates, disposes its DI scope and leaves the directory. Messages written before the mailbox closed are
/// still run; later ones see <see cref="EnqueueResult.Closed"/> and are delivered to the next activation.
/// </remarks>
internal sealed class GrainActivation : IGrainContext
{
    private readonly GrainRuntime _runtime;
    private readonly GrainType _grainType;
    private readonly Channel<GrainMessage> _mailbox;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<GrainTimer> _timers = [];
    private AsyncServiceScope? _scope;
    private IGrainLifecycle? _instance;
    private IGroupCommitGrain? _groupCommit;
    private IPipelinedGroupCommitGrain? _pipelined;
    private int _closing;
    private bool _deactivateRequested;
    private bool _faulted;
    private long _lastCallTimestamp;

    public GrainActivation(GrainRuntime runtime, GrainType grainType, Guid key)
    {
        _runtime = runtime;
        _grainType = grainType;
        Key = key;
        _mailbox = Channel.CreateBounded<GrainMessage>(new BoundedChannelOptions(runtime.Options.MailboxCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        _lastCallTimestamp = runtime.Time.GetTimestamp();
    }

    public Guid Key { get; }

    public IGrainFactory GrainFactory => _runtime;

    public TimeProvider Time => _runtime.Time;

    /// <summary>Completes once the activation has left the directory; the key can then be activated anew.</summary>
    public Task Deactivated => _deactivated.Task;

    public int MailboxDepth => _mailbox.Reader.Count;

    /// <summary>The grain object; only valid inside a turn.</summary>
    public object Instance => _instance!;

    private string Name => $"{_grainType.Name}/{Key}";

    public EnqueueResult TryEnqueue(GrainMessage message)
    {
        if (_mailbox.Writer.TryWrite(message))
        {
            return EnqueueResult.Enqueued;
        }

        // _closing is set before the writer is completed, so a refused write by a closing mailbox reads 1 here.
        return Volatile.Read(ref _closing) == 1 ? EnqueueResult.Closed : EnqueueResult.Busy;
    }

    public void Start()
    {
        // The loop must not inherit the first caller's AsyncLocals (trace context, culture scopes).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(RunAsync);
        }
    }

    /// <summary>Closes the mailbox: what is in it still runs, then the activation deactivates.</summary>
    public void BeginClose()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            _mailbox.Writer.TryComplete();
        }
    }

    /// <remarks>
    /// Idle means no call has started for <paramref name="idleTimeout"/>. A turn still running that long (or
    /// a held flush) is closed too: it finishes first, and later calls go to the next activation.
    /// </remarks>
    public bool IsIdle(long now, TimeSpan idleTimeout) =>
        Volatile.Read(ref _closing) == 0 &&
        _mailbox.Reader.Count == 0 &&
        Time.GetElapsedTime(Volatile.Read(ref _lastCallTimestamp), now) >= idleTimeout;

    public IDisposable RegisterTimer(Func<Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    public void DeactivateOnIdle() => _deactivateRequested = true;

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    public void TimerFailed(Exception exception) =>
        _runtime.Logger.LogWarning(exception, "Timer of grain {Grain} failed", Name);

    /// <summary>A storage outage becomes <see cref="GrainUnavailableException"/> (503 at the API); a bug stays itself.</summary>
    private static Exception AsCallerFailure(Exception exception, string outage) =>
        StorageFaults.IsTransient(exception) ? new GrainUnavailableException(outage, exception) : exception;

    private async Task RunAsync()
    {
        try
        {
            if (await ActivateAsync().ConfigureAwait(false))
            {
                await RunBatchesAsync().ConfigureAwait(false);
                if (!_faulted)
                {
                    await DeactivateAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception)
        {
            // Turns, flushes and lifecycle calls catch their own failures; reaching here is a runtime bug.
            _runtime.Logger.LogError(exception, "Activation loop of grain {Grain} failed", Name);
            BeginClose();
            _faulted = true;
        }
        finally
        {
            await FinishAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> ActivateAsync()
    {
        try
        {
            var scope = _runtime.Services.CreateAsyncScope();
            _scope = scope;
            var holder = scope.ServiceProvider.GetRequiredService<GrainContextHolder>();
            holder.Attach(this, _grainType.StateName);
            var instance = _grainType.CreateInstance(scope.ServiceProvider);
            instance.Attach(this);
            _instance = instance;
            await holder.RunActivatingAsync(_runtime.AbortToken).ConfigureAwait(false);
            await instance.OnActivateAsync(_runtime.AbortToken).ConfigureAwait(false);
            _groupCommit = instance as IGroupCommitGrain;
            _pipelined = _runtime.Options.PipelineCommits ? instance as IPipelinedGroupCommitGrain : null;
            return true;
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogWarning(exception, "Activation of grain {Grain} failed", Name);

            // Only the calls already queued fail; the activation then leaves the directory, so the key is not
            // poisoned: the next call starts a fresh activation that loads again.
            BeginClose();
            var failure = AsCallerFailure(exception, "The grain's storage is unavailable; it could not be activated.");
            while (_mailbox.Reader.TryRead(out var message))
            {
                message.Fail(failure);
            }

            return false;
        }
    }

    private async Task RunBatchesAsync()
    {
        var reader = _mailbox.Reader;
        var maxBatchSize = _runtime.Options.MaxBatchSize;
        InFlightCommit? inFlight = null;

        // One outstanding wait at a time: a wait abandoned for a finished commit is picked up on the next round.
        Task<bool>? waitForMessages = null;
        while (true)
        {
            bool more;
            if (inFlight is null)
            {
                more = waitForMessages is null
                    ? await reader.WaitToReadAsync().ConfigureAwait(false)
                    : await waitForMessages.ConfigureAwait(false);
                waitForMessages = null;
            }
            else
            {
                // A commit is in flight: start the next batch as soon as messages come, but if the commit ends
                // first with nothing queued, answer its callers now rather than when the next message arrives.
                waitForMessages ??= reader.WaitToReadAsync().AsTask();
                if (!waitForMessages.IsCompleted)
                {
                    await Task.WhenAny(waitForMessages, inFlight.Completion).ConfigureAwait(false);
                }

                if (!waitForMessages.IsCompleted)
                {
                    var settled = await SettleAsync(inFlight, following: null).ConfigureAwait(false);
                    inFlight = null;
                    if (!settled)
                    {
                        return;
                    }

                    continue;
                }

                more = await waitForMessages.ConfigureAwait(false);
                waitForMessages = null;
            }

            if (!more)
            {
                // Closed and drained: the last batch still commits and answers before deactivation.
                if (inFlight is not null)
                {
                    await SettleAsync(inFlight, following: null).ConfigureAwait(false);
                }

                return;
            }

            // A list per batch: the previous one may still wait for its commit.
            var batch = new List<GrainMessage>(Math.Min(maxBatchSize, reader.Count + 1));
            while (batch.Count < maxBatchSize && reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            if (batch.Count < maxBatchSize && _runtime.Options.BatchWait > TimeSpan.Zero)
            {
                await WaitForMoreAsync(batch, maxBatchSize).ConfigureAwait(false);
            }

            inFlight = await RunBatchAsync(batch, inFlight).ConfigureAwait(false);
            if (_faulted)
            {
                return;
            }

            if (_deactivateRequested)
            {
                BeginClose();
            }
        }
    }

    private async Task WaitForMoreAsync(List<GrainMessage> batch, int maxBatchSize)
    {
        var reader = _mailbox.Reader;
        using var window = new CancellationTokenSource(_runtime.Options.BatchWait, Time);
        try
        {
            while (batch.Count < maxBatchSize && await reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
            {
                while (batch.Count < maxBatchSize && reader.TryRead(out var message))
                {
                    batch.Add(message);
                }
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The wait window is over: run what we have.
        }
    }

    /// <summary>
    /// Runs the turns of <paramref name="batch"/> and commits it; returns the commit when it is left in flight
    /// (pipelined grains), null when the batch is answered (or failed) already.
    /// </summary>
    private async Task<InFlightCommit?> RunBatchAsync(List<GrainMessage> batch, InFlightCommit? previous)
    {
        // A commit that ended while this batch was gathered is settled first, so its callers need not wait for these turns.
        if (previous is { Completion.IsCompleted: true })
        {
            var settled = await SettleAsync(previous, following: null).ConfigureAwait(false);
            previous = null;
            if (!settled)
            {
                // The activation is dropped; these messages never ran and go to the next activation.
                foreach (var message in batch)
                {
                    _runtime.Deliver(_grainType, Key, message);
                }

                return null;
            }
        }

        // Stamped before any answer is released, so a caller that got its answer knows the idle clock restarted.
        if (batch.Exists(static m => m.IsCall))
        {
            Volatile.Write(ref _lastCallTimestamp, Time.GetTimestamp());
        }

        foreach (var message in batch)
        {
            await message.RunAsync(this).ConfigureAwait(false);
            if (_groupCommit is null)
            {
                message.Complete();
            }
        }

        _runtime.Metrics.BatchRan(_grainType, batch.Count);
        if (_groupCommit is null)
        {
            return null;
        }

        if (_pipelined is null)
        {
            await FlushAsync(batch).ConfigureAwait(false);
            return null;
        }

        // This batch decided on state that includes the previous one: it goes no further unless that is durable.
        if (previous is not null && !await SettleAsync(previous, following: batch).ConfigureAwait(false))
        {
            return null;
        }

        IPendingCommit? commit;
        try
        {
            commit = _pipelined.PrepareCommit();
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogError(exception, "Preparing the commit of grain {Grain} failed; the batch of {Count} is rejected", Name, batch.Count);
            Reject(exception, batch, following: null);
            return null;
        }

        if (commit is null)
        {
            CompleteAll(batch);
            return null;
        }

        Task completion;
        try
        {
            completion = commit.CommitAsync(_runtime.AbortToken);
        }
        catch (Exception exception)
        {
            completion = Task.FromException(exception);
        }

        return new InFlightCommit(commit, completion, batch);
    }

    /// <summary>The unpipelined path: one flush per batch, nothing else runs meanwhile.</summary>
    private async Task FlushAsync(List<GrainMessage> batch)
    {
        try
        {
            await _groupCommit!.FlushAsync(_runtime.AbortToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogError(exception, "Flush of grain {Grain} failed; the batch of {Count} is rejected", Name, batch.Count);
            Reject(exception, batch, following: null);
            return;
        }

        CompleteAll(batch);
    }

    /// <summary>
    /// Waits for an in-flight commit, then runs the grain's <c>AfterCommit</c> and answers its batch; true when it
    /// committed. On failure its callers and those of <paramref name="following"/> (decided on its state) fail.
    /// </summary>
    private async Task<bool> SettleAsync(InFlightCommit inFlight, List<GrainMessage>? following)
    {
        try
        {
            await inFlight.Completion.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogError(
                exception,
                "Commit of grain {Grain} failed; the batch of {Count} and the {Following} turns decided after it are rejected",
                Name,
                inFlight.Batch.Count,
                following?.Count ?? 0);
            Reject(exception, inFlight.Batch, following);
            return false;
        }

        try
        {
            _pipelined!.AfterCommit(inFlight.Commit);
        }
        catch (Exception exception)
        {
            // The batch is durable: its callers still get their answers.
            _runtime.Logger.LogError(exception, "After-commit step of grain {Grain} failed; the batch is committed", Name);
        }

        CompleteAll(inFlight.Batch);
        return true;
    }

    /// <summary>
    /// Nothing of the batch is durable: succeeded turns must not be acknowledged, and the in-memory state is ahead
    /// of storage, so the activation is dropped and the next call reloads it. Failed turns keep their own answer.
    /// </summary>
    private void Reject(Exception exception, List<GrainMessage> batch, List<GrainMessage>? following)
    {
        var failure = AsCallerFailure(exception, "The grain's storage is unavailable; the call was not committed.");
        _faulted = true;
        BeginClose();
        foreach (var lost in following is null ? batch : batch.Concat(following))
        {
            if (lost.TurnSucceeded)
            {
                lost.Fail(failure);
            }
            else
            {
                lost.Complete();
            }
        }
    }

    private static void CompleteAll(List<GrainMessage> batch)
    {
        foreach (var message in batch)
        {
            message.Complete();
        }
    }

    private async Task DeactivateAsync()
    {
        DisposeTimers();
        try
        {
            await _instance!.OnDeactivateAsync(_runtime.AbortToken).ConfigureAwait(false);
            if (_groupCommit is not null)
            {
                await _groupCommit.FlushAsync(_runtime.AbortToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogError(exception, "Deactivation of grain {Grain} failed", Name);
        }
    }

    private async Task FinishAsync()
    {
        DisposeTimers();
        if (_scope is { } scope)
        {
            try
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                _runtime.Logger.LogError(exception, "Disposing the services of grain {Grain} failed", Name);
            }
        }

        _grainType.Activations.TryRemove(new KeyValuePair<Guid, GrainActivation>(Key, this));
        _deactivated.TrySetResult();

        // After a failed flush, messages still queued never ran: they go to the next activation.
        while (_mailbox.Reader.TryRead(out var message))
        {
            _runtime.Deliver(_grainType, Key, message);
        }
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_timers)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
