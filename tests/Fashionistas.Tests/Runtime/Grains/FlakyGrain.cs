using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>Fails its activation as many times as the probe says.</summary>
public sealed class FlakyGrain(TestProbe probe) : Grain, IFlakyGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        return probe.ShouldFailActivation()
            ? throw new InvalidOperationException("Activation fails on purpose.")
            : Task.CompletedTask;
    }

    public Task<string> Ping() => Task.FromResult("pong");
}
