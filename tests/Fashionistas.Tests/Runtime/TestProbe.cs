using System.Collections.Concurrent;

namespace Fashionistas.Tests.Runtime;

/// <summary>
/// A singleton the test grains report to and take orders from, so tests observe activations, turns and
/// flushes without statics (test classes run in parallel).
/// </summary>
public sealed class TestProbe
{
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly SemaphoreSlim _flushStarts = new(0);
    private readonly SemaphoreSlim _deactivationSignals = new(0);
    private readonly SemaphoreSlim _deactivationStarts = new(0);
    private readonly ConcurrentQueue<int> _flushedBatches = new();
    private readonly ConcurrentQueue<int> _durable = new();
    private readonly SemaphoreSlim _commitPermits = new(0);
    private volatile bool _commitsHeld;
    private int _commitsInFlight;
    private int _commitOverlaps;
    private int _turnsDuringCommit;
    private int _activations;
    private int _live;
    private int _maxLive;
    private int _deactivations;
    private int _overlaps;
    private int _failActivations;
    private int _failFlushes;
    private int _flushAttempts;
    private TaskCompletionSource _gate = NewSignal();
    private TaskCompletionSource _flushGate = Opened();
    private TaskCompletionSource _deactivationGate = Opened();

    public int Activations => Volatile.Read(ref _activations);

    public int Deactivations => Volatile.Read(ref _deactivations);

    /// <summary>Times a turn started while another turn of the same activation was running.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <summary>Turns covered by each flush, in order.</summary>
    public IReadOnlyList<int> FlushedBatches => [.. _flushedBatches];

    /// <summary>What group-commit grains have flushed, in order: the "durable" store they reload from.</summary>
    public IReadOnlyList<int> Durable => [.. _durable];

    /// <summary>Flushes started, whether they succeeded or not.</summary>
    public int FlushAttempts => Volatile.Read(ref _flushAttempts);

    public Task Gate => Volatile.Read(ref _gate).Task;

    public Task FlushGate => Volatile.Read(ref _flushGate).Task;

    public Task DeactivationGate => Volatile.Read(ref _deactivationGate).Task;

    /// <summary>Most activations alive at the same moment (activated and not yet deactivated).</summary>
    public int MaxLive => Volatile.Read(ref _maxLive);

    public void Activated()
    {
        Interlocked.Increment(ref _activations);
        var live = Interlocked.Increment(ref _live);
        int max;
        while (live > (max = Volatile.Read(ref _maxLive)) && Interlocked.CompareExchange(ref _maxLive, live, max) != max)
        {
        }
    }

    public void Deactivated()
    {
        Interlocked.Increment(ref _deactivations);
        Interlocked.Decrement(ref _live);
        _deactivationSignals.Release();
    }

    public Task WaitForDeactivationAsync() => WaitAsync(_deactivationSignals, "deactivation");

    public void DeactivationStarted() => _deactivationStarts.Release();

    public Task WaitForDeactivationStartAsync() => WaitAsync(_deactivationStarts, "deactivation start");

    public void HoldDeactivations() => Volatile.Write(ref _deactivationGate, NewSignal());

    public void ReleaseDeactivations() => Volatile.Read(ref _deactivationGate).TrySetResult();

    /// <summary>Called as a flush starts; answers whether this flush must fail.</summary>
    public bool FlushStarting()
    {
        Interlocked.Increment(ref _flushAttempts);
        _flushStarts.Release();
        return Interlocked.Decrement(ref _failFlushes) >= 0;
    }

    public Task WaitForFlushStartAsync() => WaitAsync(_flushStarts, "flush");

    public void Overlapped() => Interlocked.Increment(ref _overlaps);

    public void Arrived() => _arrivals.Release();

    public async Task WaitForArrivalsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _arrivals.WaitAsync(TestSilo.Patience), $"only {i} of {count} turns arrived");
        }
    }

    /// <summary>Times a pipelined commit started while another commit of the same grain was still running.</summary>
    public int CommitOverlaps => Volatile.Read(ref _commitOverlaps);

    /// <summary>Turns that ran while a commit of their grain was in flight (pipelining at work).</summary>
    public int TurnsDuringCommit => Volatile.Read(ref _turnsDuringCommit);

    public bool CommitInFlight => Volatile.Read(ref _commitsInFlight) > 0;

    /// <summary>From now on every pipelined commit waits for a permit (<see cref="AllowCommits"/>).</summary>
    public void HoldCommits() => _commitsHeld = true;

    public void AllowCommits(int count) => _commitPermits.Release(count);

    /// <summary>Stops holding commits and lets every waiting one through.</summary>
    public void ReleaseCommits()
    {
        _commitsHeld = false;
        _commitPermits.Release(1_000);
    }

    /// <summary>Called as a pipelined commit starts its I/O.</summary>
    public void CommitStarting()
    {
        if (Interlocked.Increment(ref _commitsInFlight) > 1)
        {
            Interlocked.Increment(ref _commitOverlaps);
        }
    }

    /// <summary>Waits while commits are held, until a permit comes.</summary>
    public async Task WaitForCommitPermitAsync()
    {
        if (_commitsHeld)
        {
            Assert.True(await _commitPermits.WaitAsync(TestSilo.Patience), "no commit permit came");
        }
    }

    public void CommitEnded() => Interlocked.Decrement(ref _commitsInFlight);

    public void TurnRan()
    {
        if (CommitInFlight)
        {
            Interlocked.Increment(ref _turnsDuringCommit);
        }
    }

    public void OpenGate() => Volatile.Read(ref _gate).TrySetResult();

    public void HoldFlushes() => Volatile.Write(ref _flushGate, NewSignal());

    public void ReleaseFlushes() => Volatile.Read(ref _flushGate).TrySetResult();

    public void FailNextActivations(int count) => Volatile.Write(ref _failActivations, count);

    public bool ShouldFailActivation() => Interlocked.Decrement(ref _failActivations) >= 0;

    public void FailNextFlushes(int count) => Volatile.Write(ref _failFlushes, count);

    /// <summary>A flush committed <paramref name="values"/> after <paramref name="turns"/> turns.</summary>
    public void Flushed(int turns, IReadOnlyCollection<int> values)
    {
        _flushedBatches.Enqueue(turns);
        foreach (var value in values)
        {
            _durable.Enqueue(value);
        }
    }

    private static async Task WaitAsync(SemaphoreSlim signal, string what) =>
        Assert.True(await signal.WaitAsync(TestSilo.Patience), $"no {what} happened");

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource Opened()
    {
        var signal = NewSignal();
        signal.SetResult();
        return signal;
    }
}
