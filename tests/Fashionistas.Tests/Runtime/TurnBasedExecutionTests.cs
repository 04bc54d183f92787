using Fashionistas.Tests.Runtime.Grains;

namespace Fashionistas.Tests.Runtime;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task TenThousandParallelCallsToOneGrainRunOneTurnAtATime()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>(Guid.NewGuid());

        var calls = Enumerable.Range(0, 10_000).Select(_ => Task.Run(counter.Increment)).ToArray();
        var answers = await Task.WhenAll(calls).WaitAsync(TestSilo.Patience);

        Assert.Equal(0, silo.Probe.Overlaps);
        Assert.Equal(10_000, await counter.Get());
        Assert.Equal(Enumerable.Range(1, 10_000), answers.Order());
        Assert.Equal(1, silo.Probe.Activations);
    }

    [Fact]
    public async Task CallsToDifferentKeysRunConcurrently()
    {
        await using var silo = await TestSilo.StartAsync();
        var first = silo.Get<IGateGrain>(Guid.NewGuid()).Pass();
        var second = silo.Get<IGateGrain>(Guid.NewGuid()).Pass();

        // Both turns are inside the grain at once while the gate is still closed.
        await silo.Probe.WaitForArrivalsAsync(2);
        silo.Probe.OpenGate();

        Assert.Equal(new[] { 1, 1 }, await Task.WhenAll(first, second).WaitAsync(TestSilo.Patience));
    }

    [Fact]
    public async Task EachKeyHasExactlyOneActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        Guid[] keys = [Guid.NewGuid(), Guid.NewGuid()];

        var calls = Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => silo.Get<ICounterGrain>(keys[i % 2]).InstanceId()))
            .ToArray();
        var instances = await Task.WhenAll(calls).WaitAsync(TestSilo.Patience);

        Assert.Equal(2, instances.Distinct().Count());
        Assert.Equal(2, silo.Probe.Activations);
        Assert.Equal(2, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task AReferenceIsCachedPerInterfaceAndKey()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = Guid.NewGuid();

        Assert.Same(silo.Get<ICounterGrain>(key), silo.Get<ICounterGrain>(key));
        Assert.NotSame(silo.Get<ICounterGrain>(key), silo.Get<ICounterGrain>(Guid.NewGuid()));
    }
}
