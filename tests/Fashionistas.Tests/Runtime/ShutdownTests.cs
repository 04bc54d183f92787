using Fashionistas.Grains.Runtime;
using Fashionistas.Tests.Runtime.Grains;

namespace Fashionistas.Tests.Runtime;

public sealed class ShutdownTests
{
    [Fact]
    public async Task StopRunsQueuedCallsFlushesAndRefusesNewCalls()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IBatchGrain>(Guid.NewGuid());
        var blocked = grain.Block();
        await silo.Probe.WaitForArrivalsAsync(1);
        var queued = Enumerable.Range(1, 20).Select(grain.Add).ToArray();

        var stopping = silo.Runtime.StopAsync(CancellationToken.None);

        await Assert.ThrowsAsync<GrainUnavailableException>(() => grain.Add(99));
        await Assert.ThrowsAsync<GrainUnavailableException>(() => silo.Get<ICounterGrain>(Guid.NewGuid()).Get());
        Assert.False(stopping.IsCompleted);

        silo.Probe.OpenGate();
        await stopping.WaitAsync(TestSilo.Patience);

        await blocked;
        Assert.All(queued, call => Assert.True(call.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(1, 20), silo.Probe.Durable);
        Assert.Equal(1, silo.Probe.Deactivations);
        Assert.Equal(0, silo.Runtime.ActivationCount);

        // The last flush is the final one of deactivation, with no turns of its own.
        Assert.Equal(0, silo.Probe.FlushedBatches[^1]);
    }

    [Fact]
    public async Task DisposingTheRuntimeDeactivatesEveryActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => silo.Get<ICounterGrain>(Guid.NewGuid()).Increment()));

        await silo.Runtime.DisposeAsync();

        Assert.Equal(5, silo.Probe.Deactivations);
        await Assert.ThrowsAsync<GrainUnavailableException>(() => silo.Get<ICounterGrain>(Guid.NewGuid()).Get());
    }
}
