using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>Blocks its turn on the probe's gate, so tests can hold an activation busy.</summary>
public sealed class GateGrain(TestProbe probe) : Grain, IGateGrain
{
    private int _passed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        probe.Deactivated();
        return Task.CompletedTask;
    }

    public async Task<int> Pass()
    {
        probe.Arrived();
        await probe.Gate;
        return ++_passed;
    }

    public Task<int> Passed() => Task.FromResult(_passed);
}
