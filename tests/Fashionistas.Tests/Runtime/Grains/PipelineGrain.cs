using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>
/// A pipelined group-commit grain whose "storage" is the probe. Every piece of grain code (turns, PrepareCommit,
/// AfterCommit) goes through an overlap detector and yields inside it, so code running concurrently with itself
/// would be seen.
/// </summary>
public sealed class PipelineGrain(TestProbe probe) : Grain, IPipelineGrain, IPipelinedGroupCommitGrain
{
    private readonly List<int> _pending = [];
    private List<int> _committed = [];
    private int _known;
    private int _turns;
    private int _inside;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        _committed = [.. probe.Durable];
        _known = _committed.Count;
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        probe.Deactivated();
        return Task.CompletedTask;
    }

    public async Task<int> Add(int value)
    {
        Enter();
        try
        {
            probe.TurnRan();
            probe.Arrived();
            await Task.Yield();
            _turns++;
            _pending.Add(value);
            return ++_known;
        }
        finally
        {
            Leave();
        }
    }

    public async Task Block()
    {
        _turns++;
        probe.Arrived();
        await probe.Gate;
    }

    public Task Reject(int value)
    {
        _turns++;
        probe.Arrived();
        throw new ArgumentOutOfRangeException(nameof(value), value, "Rejected on purpose.");
    }

    public Task<int[]> Committed()
    {
        _turns++;
        return Task.FromResult(_committed.ToArray());
    }

    public IPendingCommit? PrepareCommit()
    {
        Enter();
        try
        {
            if (_turns == 0)
            {
                return null;
            }

            var commit = new PipelineCommit(probe, _turns, [.. _pending]);
            _pending.Clear();
            _turns = 0;
            return commit;
        }
        finally
        {
            Leave();
        }
    }

    public void AfterCommit(IPendingCommit commit)
    {
        Enter();
        try
        {
            Thread.SpinWait(100);
            _committed.AddRange(((PipelineCommit)commit).Values);
        }
        finally
        {
            Leave();
        }
    }

    private void Enter()
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            probe.Overlapped();
        }
    }

    private void Leave() => Interlocked.Decrement(ref _inside);
}
