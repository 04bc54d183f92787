using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>
/// A group-commit grain whose "storage" is the probe: it reloads what was flushed on activation, keeps
/// pending values in memory and commits them in <see cref="FlushAsync"/>, which the probe can hold or fail.
/// </summary>
public sealed class BatchGrain(TestProbe probe) : Grain, IBatchGrain, IGroupCommitGrain
{
    private readonly List<int> _pending = [];
    private List<int> _committed = [];
    private int _turns;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        _committed = [.. probe.Durable];
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        probe.Deactivated();
        return Task.CompletedTask;
    }

    public Task<int> Add(int value)
    {
        _turns++;
        _pending.Add(value);
        return Task.FromResult(_committed.Count + _pending.Count);
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
        throw new ArgumentOutOfRangeException(nameof(value), value, "Rejected on purpose.");
    }

    public Task<int[]> Committed()
    {
        _turns++;
        return Task.FromResult(_committed.ToArray());
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var fail = probe.FlushStarting();
        await probe.FlushGate;
        if (fail)
        {
            throw new IOException("The disk is gone.");
        }

        probe.Flushed(_turns, _pending);
        _committed.AddRange(_pending);
        _pending.Clear();
        _turns = 0;
    }
}
