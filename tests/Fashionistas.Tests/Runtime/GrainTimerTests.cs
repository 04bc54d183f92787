using Fashionistas.Tests.Runtime.Grains;

namespace Fashionistas.Tests.Runtime;

public sealed class GrainTimerTests
{
    [Fact]
    public async Task TimerTicksRunAsTurnsWhenTheClockAdvances()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<ITimerGrain>(Guid.NewGuid());
        Assert.Equal(0, await grain.Ticks());

        for (var tick = 1; tick <= 3; tick++)
        {
            silo.Time.Advance(TimerGrain.Period);

            // The tick was queued during Advance, so it runs before this call.
            Assert.Equal(tick, await grain.Ticks());
        }

        Assert.Equal(0, silo.Probe.Overlaps);
    }

    [Fact]
    public async Task TicksWhileTheGrainIsBusyAreQueuedOnceAndRunAfterTheTurn()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<ITimerGrain>(Guid.NewGuid());
        await grain.Ticks();
        var busy = grain.TicksAfterGate();
        await silo.Probe.WaitForArrivalsAsync(1);

        silo.Time.Advance(5 * TimerGrain.Period);
        silo.Probe.OpenGate();

        Assert.Equal(0, await busy.WaitAsync(TestSilo.Patience));
        Assert.Equal(1, await grain.Ticks());
        Assert.Equal(0, silo.Probe.Overlaps);
    }

    [Fact]
    public async Task ADisposedTimerStopsTicking()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<ITimerGrain>(Guid.NewGuid());
        await grain.StopTicking();

        silo.Time.Advance(5 * TimerGrain.Period);

        Assert.Equal(0, await grain.Ticks());
    }
}
