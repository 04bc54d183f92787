using Fashionistas.Silo.Industry;

namespace Fashionistas.Tests.Industry;

public sealed class PlacementViewCounterTests
{
    [Fact]
    public async Task ViewsCountedWhileFlushesTakeThemAreNeverLost()
    {
        var counter = new PlacementViewCounter();
        var eventId = Guid.NewGuid();
        Guid[] sponsors = [Guid.NewGuid(), Guid.NewGuid()];
        const int writers = 8;
        const int viewsEach = 50_000;
        long taken = 0;
        using var done = new CancellationTokenSource();

        // A "flusher" takes the counts over and over while eight threads count views.
        var flusher = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                taken += counter.TakeAll().Values.Sum();
            }
        });
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < viewsEach; i++)
            {
                counter.Count(eventId, sponsors);
            }
        })));
        await done.CancelAsync();
        await flusher;
        taken += counter.TakeAll().Values.Sum();

        Assert.Equal((long)writers * viewsEach * sponsors.Length, taken);
        Assert.Empty(counter.TakeAll());
    }

    [Fact]
    public void RestoredCountsGoWithTheNextFlush()
    {
        var counter = new PlacementViewCounter();
        var key = (Guid.NewGuid(), Guid.NewGuid());
        counter.Count(key.Item1, [key.Item2]);
        var first = counter.TakeAll();

        counter.Restore(first);
        counter.Count(key.Item1, [key.Item2]);

        Assert.Equal(2, counter.TakeAll()[key]);
    }
}
