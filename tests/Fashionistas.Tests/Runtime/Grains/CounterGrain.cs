using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>Counts in memory and reports any turn that overlaps another.</summary>
public sealed class CounterGrain(TestProbe probe) : Grain, ICounterGrain
{
    private readonly Guid _instanceId = Guid.NewGuid();
    private int _inTurn;
    private int _count;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        probe.DeactivationStarted();
        await probe.DeactivationGate;
        probe.Deactivated();
    }

    public async Task<int> Increment()
    {
        if (Interlocked.Increment(ref _inTurn) != 1)
        {
            probe.Overlapped();
        }

        // Yielding gives a concurrent turn, if the runtime allowed one, every chance to interleave.
        var before = _count;
        await Task.Yield();
        _count = before + 1;
        Interlocked.Decrement(ref _inTurn);
        return _count;
    }

    public Task<int> Get() => Task.FromResult(_count);

    public Task Fail() => throw new InvalidOperationException("This call fails on purpose.");

    public Task<Guid> InstanceId() => Task.FromResult(_instanceId);

    public Task Leave()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
