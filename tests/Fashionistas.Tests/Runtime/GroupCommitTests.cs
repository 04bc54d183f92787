using Fashionistas.Grains.Runtime;
using Fashionistas.Tests.Runtime.Grains;

namespace Fashionistas.Tests.Runtime;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task FlushRunsOncePerBatchOfQueuedCalls()
    {
        await using var silo = await TestSilo.StartAsync(o => o.MaxBatchSize = 10);
        var grain = silo.Get<IBatchGrain>(Guid.NewGuid());
        var blocked = grain.Block();
        await silo.Probe.WaitForArrivalsAsync(1);
        var adds = Enumerable.Range(0, 25).Select(grain.Add).ToArray();

        silo.Probe.OpenGate();
        await Task.WhenAll(adds).WaitAsync(TestSilo.Patience);
        await blocked;

        Assert.Equal([1, 10, 10, 5], silo.Probe.FlushedBatches);
        Assert.Equal(Enumerable.Range(0, 25), await grain.Committed());
    }

    [Fact]
    public async Task AnswersAreReleasedOnlyAfterTheFlush()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IBatchGrain>(Guid.NewGuid());
        silo.Probe.HoldFlushes();

        var add = grain.Add(7);
        await silo.Probe.WaitForFlushStartAsync();

        Assert.False(add.IsCompleted);
        silo.Probe.ReleaseFlushes();
        Assert.Equal(1, await add.WaitAsync(TestSilo.Patience));
        Assert.Equal([7], silo.Probe.Durable);
    }

    [Fact]
    public async Task AFailedTurnFailsOnlyItsCallAndTheBatchStillCommits()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IBatchGrain>(Guid.NewGuid());
        var blocked = grain.Block();
        await silo.Probe.WaitForArrivalsAsync(1);
        var first = grain.Add(1);
        var rejected = grain.Reject(2);
        var third = grain.Add(3);

        silo.Probe.OpenGate();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rejected.WaitAsync(TestSilo.Patience));
        Assert.Equal(new[] { 1, 2 }, await Task.WhenAll(first, third).WaitAsync(TestSilo.Patience));
        await blocked;
        Assert.Equal(new[] { 1, 3 }, await grain.Committed());
        Assert.Equal(1, silo.Probe.Activations);
    }

    [Fact]
    public async Task AFailedFlushFailsTheWholeBatchAndTheNextCallReactivates()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IBatchGrain>(Guid.NewGuid());
        silo.Probe.HoldFlushes();
        var committed = grain.Add(1);
        await silo.Probe.WaitForFlushStartAsync();
        silo.Probe.FailNextFlushes(1);
        var lost = new[] { grain.Add(2), grain.Add(3) };
        var rejected = grain.Reject(4);

        silo.Probe.ReleaseFlushes();

        Assert.Equal(1, await committed.WaitAsync(TestSilo.Patience));
        foreach (var call in lost)
        {
            var failure = await Assert.ThrowsAsync<GrainUnavailableException>(() => call.WaitAsync(TestSilo.Patience));
            Assert.IsType<IOException>(failure.InnerException);
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rejected);
        Assert.Equal(new[] { 1 }, await grain.Committed().WaitAsync(TestSilo.Patience));
        Assert.Equal(2, silo.Probe.Activations);

        // The failed activation is dropped without a second flush: batch one, the failed batch, Committed().
        Assert.Equal(3, silo.Probe.FlushAttempts);
    }

    [Fact]
    public async Task CallsQueuedBehindAFailedFlushRunOnTheNextActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IBatchGrain>(Guid.NewGuid());
        var blocked = grain.Block();
        await silo.Probe.WaitForArrivalsAsync(1);
        silo.Probe.FailNextFlushes(1);
        var queued = new[] { grain.Add(1), grain.Add(2) };

        silo.Probe.OpenGate();

        await Assert.ThrowsAsync<GrainUnavailableException>(() => blocked.WaitAsync(TestSilo.Patience));
        Assert.Equal(new[] { 1, 2 }, await Task.WhenAll(queued).WaitAsync(TestSilo.Patience));
        Assert.Equal(new[] { 1, 2 }, await grain.Committed());
        Assert.Equal(2, silo.Probe.Activations);
    }
}
