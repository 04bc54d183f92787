using Fashionistas.Grains.Runtime;
using Fashionistas.Tests.Runtime.Grains;

namespace Fashionistas.Tests.Runtime;

public sealed class PipelinedCommitTests
{
    [Fact]
    public async Task TheNextBatchRunsItsTurnsWhileTheCommitBeforeItIsInFlight()
    {
        await using var silo = await TestSilo.StartAsync();
        var (grain, first, second) = await FirstCommittingSecondWaitingAsync(silo);

        // The second turn ran, but its commit waits for the first, and nobody is answered yet.
        Assert.Equal(1, silo.Probe.TurnsDuringCommit);
        Assert.Equal(1, silo.Probe.FlushAttempts);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        silo.Probe.ReleaseCommits();
        Assert.Equal(new[] { 1, 2 }, await Task.WhenAll(first, second).WaitAsync(TestSilo.Patience));
        Assert.Equal([1, 2], silo.Probe.Durable);
        Assert.Equal(0, silo.Probe.CommitOverlaps);
    }

    [Fact]
    public async Task AnswersAreReleasedOnlyAfterTheirOwnCommit()
    {
        await using var silo = await TestSilo.StartAsync();
        var (grain, first, second) = await FirstCommittingSecondWaitingAsync(silo);

        silo.Probe.AllowCommits(1);

        Assert.Equal(1, await first.WaitAsync(TestSilo.Patience));
        await silo.Probe.WaitForFlushStartAsync();
        Assert.False(second.IsCompleted);
        Assert.Equal([1], silo.Probe.Durable);

        silo.Probe.AllowCommits(1);

        Assert.Equal(2, await second.WaitAsync(TestSilo.Patience));
        Assert.Equal([1, 2], silo.Probe.Durable);
        silo.Probe.ReleaseCommits();
        Assert.Equal(new[] { 1, 2 }, await grain.Committed().WaitAsync(TestSilo.Patience));
    }

    [Fact]
    public async Task AFailedCommitFailsTheBatchDecidedAfterItAndTheNextCallReactivates()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IPipelineGrain>(Guid.NewGuid());
        silo.Probe.HoldCommits();
        silo.Probe.FailNextFlushes(1);

        // The first batch blocks the loop, so the next three calls queue up and form the second batch together.
        var first = grain.Block();
        await silo.Probe.WaitForArrivalsAsync(1);
        var decidedAfter = new[] { grain.Add(2), grain.Add(4) };
        var rejected = grain.Reject(3);
        silo.Probe.OpenGate();
        await silo.Probe.WaitForFlushStartAsync();
        await silo.Probe.WaitForArrivalsAsync(3);

        // Queued behind the second batch, never run: it goes to the next activation.
        var queued = grain.Add(5);
        silo.Probe.ReleaseCommits();

        foreach (var call in decidedAfter.Append(first))
        {
            var failure = await Assert.ThrowsAsync<GrainUnavailableException>(() => call.WaitAsync(TestSilo.Patience));
            Assert.IsType<IOException>(failure.InnerException);
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rejected.WaitAsync(TestSilo.Patience));
        Assert.Equal(1, await queued.WaitAsync(TestSilo.Patience));
        Assert.Equal(new[] { 5 }, await grain.Committed().WaitAsync(TestSilo.Patience));
        Assert.Equal(2, silo.Probe.Activations);
        Assert.Equal([5], silo.Probe.Durable);
    }

    [Fact]
    public async Task GrainCodeNeverRunsConcurrentlyWithItselfAndCommitsLandInOrder()
    {
        await using var silo = await TestSilo.StartAsync(o => o.MaxBatchSize = 16);
        var grain = silo.Get<IPipelineGrain>(Guid.NewGuid());

        var calls = Enumerable.Range(0, 3_000).Select(i => Task.Run(() => grain.Add(i))).ToArray();
        var positions = await Task.WhenAll(calls).WaitAsync(TestSilo.Patience);

        Assert.Equal(0, silo.Probe.Overlaps);
        Assert.Equal(0, silo.Probe.CommitOverlaps);
        Assert.Equal(Enumerable.Range(1, 3_000), positions.Order());

        // Each value sits in durable history at the position its turn answered: batches committed in turn order.
        var durable = silo.Probe.Durable;
        for (var i = 0; i < calls.Length; i++)
        {
            Assert.Equal(i, durable[positions[i] - 1]);
        }

        Assert.Equal(1, silo.Probe.Activations);
    }

    [Fact]
    public async Task ShutdownCommitsAndAnswersBothBatchesInFlight()
    {
        await using var silo = await TestSilo.StartAsync();
        var (grain, first, second) = await FirstCommittingSecondWaitingAsync(silo);

        var stopping = silo.Runtime.StopAsync(CancellationToken.None);

        await Assert.ThrowsAsync<GrainUnavailableException>(() => grain.Add(3));
        Assert.False(stopping.IsCompleted);
        silo.Probe.ReleaseCommits();
        await stopping.WaitAsync(TestSilo.Patience);

        Assert.Equal(new[] { 1, 2 }, await Task.WhenAll(first, second));
        Assert.Equal([1, 2], silo.Probe.Durable);
        Assert.Equal(1, silo.Probe.Deactivations);
        Assert.Equal(0, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task WithPipeliningOffTheNextBatchWaitsForTheCommit()
    {
        await using var silo = await TestSilo.StartAsync(o => o.PipelineCommits = false);
        var grain = silo.Get<IPipelineGrain>(Guid.NewGuid());
        silo.Probe.HoldCommits();
        var first = grain.Add(1);
        await silo.Probe.WaitForFlushStartAsync();
        var second = grain.Add(2);

        silo.Probe.ReleaseCommits();

        Assert.Equal(new[] { 1, 2 }, await Task.WhenAll(first, second).WaitAsync(TestSilo.Patience));
        Assert.Equal(0, silo.Probe.TurnsDuringCommit);
        Assert.Equal([1, 2], silo.Probe.Durable);
        Assert.Equal(new[] { 1, 2 }, await grain.Committed());
    }

    /// <summary>Holds commits; the first call's batch is committing and the second call has arrived behind it.</summary>
    private static async Task<(IPipelineGrain Grain, Task<int> First, Task<int> Second)> FirstCommittingSecondWaitingAsync(TestSilo silo)
    {
        var grain = silo.Get<IPipelineGrain>(Guid.NewGuid());
        silo.Probe.HoldCommits();
        var first = grain.Add(1);
        await silo.Probe.WaitForFlushStartAsync();
        var second = grain.Add(2);
        await silo.Probe.WaitForArrivalsAsync(2);
        return (grain, first, second);
    }
}
