using Fashionistas.Tests.Runtime.Grains;

namespace Fashionistas.Tests.Runtime;

public sealed class FailureIsolationTests
{
    [Fact]
    public async Task AFailingCallDoesNotPoisonTheActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>(Guid.NewGuid());
        await counter.Increment();
        var instance = await counter.InstanceId();

        await Assert.ThrowsAsync<InvalidOperationException>(counter.Fail);

        Assert.Equal(2, await counter.Increment());
        Assert.Equal(instance, await counter.InstanceId());
        Assert.Equal(1, silo.Probe.Activations);
    }

    [Fact]
    public async Task AFailedActivationFailsTheCallAndTheNextCallActivatesAgain()
    {
        await using var silo = await TestSilo.StartAsync();
        silo.Probe.FailNextActivations(1);
        var grain = silo.Get<IFlakyGrain>(Guid.NewGuid());

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(grain.Ping);

        Assert.Equal("Activation fails on purpose.", failure.Message);
        Assert.Equal("pong", await grain.Ping().WaitAsync(TestSilo.Patience));
        Assert.Equal(2, silo.Probe.Activations);
    }

    [Fact]
    public async Task CallsRacingWithDeactivationAreDeliveredToTheNextActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>(Guid.NewGuid());

        // Every tenth call asks the activation to go away while the other calls keep arriving.
        var calls = Enumerable.Range(0, 2_000)
            .Select(i => Task.Run(() => i % 10 == 0 ? counter.Leave() : counter.Increment()))
            .ToArray();
        await Task.WhenAll(calls).WaitAsync(TestSilo.Patience);

        Assert.True(silo.Probe.Activations > 1);
        Assert.Equal(1, silo.Probe.MaxLive);
        Assert.Equal(0, silo.Probe.Overlaps);
    }
}
