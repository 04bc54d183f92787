using Fashionistas.Grains.Runtime;
using Fashionistas.Tests.Runtime.Grains;

namespace Fashionistas.Tests.Runtime;

public sealed class MailboxOverflowTests
{
    [Fact]
    public async Task AFullMailboxRejectsTheCallAtOnceWithRetryAfter()
    {
        await using var silo = await TestSilo.StartAsync(o =>
        {
            o.MailboxCapacity = 2;
            o.BusyRetryAfter = TimeSpan.FromSeconds(3);
        });
        var grain = silo.Get<IGateGrain>(Guid.NewGuid());
        var running = grain.Pass();
        await silo.Probe.WaitForArrivalsAsync(1);
        Task<int>[] queued = [grain.Pass(), grain.Passed()];

        var rejected = grain.Passed();

        Assert.True(rejected.IsFaulted);
        var busy = await Assert.ThrowsAsync<GrainBusyException>(() => rejected);
        Assert.Equal(TimeSpan.FromSeconds(3), busy.RetryAfter);

        silo.Probe.OpenGate();
        Assert.Equal(1, await running.WaitAsync(TestSilo.Patience));
        Assert.Equal(new[] { 2, 2 }, await Task.WhenAll(queued).WaitAsync(TestSilo.Patience));
        Assert.Equal(2, await grain.Passed());
    }
}
