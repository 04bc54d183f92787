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
    public async Task ACallArrivingDuringDeactivationWaitsAndRunsOnTheNextActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>(Guid.NewGuid());
        var first = await counter.InstanceId();
        silo.Probe.HoldDeactivations();
        await counter.Leave();
        await silo.Probe.WaitForDeactivationStartAsync();

        var late = counter.InstanceId();

        // The closing activation may still be writing state: the next one must not start before it is gone.
        Assert.False(late.IsCompleted);
        Assert.Equal(1, silo.Probe.Activations);
        silo.Probe.ReleaseDeactivations();
        Assert.NotEqual(first, await late.WaitAsync(TestSilo.Patience));
        Assert.Equal(2, silo.Probe.Activations);
        Assert.Equal(1, silo.Probe.MaxLive);
    }

    [Fact]
    public async Task CallsRacingWithDeactivationAreDeliveredToTheNextActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>(Guid.NewGuid());

        // Each round asks the activation to go away while the round's other calls keep arriving, and the
        // next round starts as it is closing: every call must still be answered, by one activation at a time.
        for (var round = 0; round < 50; round++)
        {
            var calls = Enumerable.Range(0, 40)
                .Select(i => Task.Run(() => i == 20 ? counter.Leave() : counter.Increment()))
                .ToArray();
            await Task.WhenAll(calls).WaitAsync(TestSilo.Patience);
        }

        Assert.True(silo.Probe.Activations > 1);
        Assert.Equal(1, silo.Probe.MaxLive);
        Assert.Equal(0, silo.Probe.Overlaps);
    }
}
