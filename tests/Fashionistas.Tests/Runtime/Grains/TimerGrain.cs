using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>Counts ticks of a one-minute timer registered on activation.</summary>
public sealed class TimerGrain(TestProbe probe) : Grain, ITimerGrain
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private IDisposable? _timer;
    private int _inTurn;
    private int _ticks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        _timer = RegisterTimer(TickAsync, Period, Period);
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public async Task<int> TicksAfterGate()
    {
        Interlocked.Increment(ref _inTurn);
        probe.Arrived();
        await probe.Gate;
        Interlocked.Decrement(ref _inTurn);
        return _ticks;
    }

    public Task StopTicking()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    private async Task TickAsync()
    {
        if (Volatile.Read(ref _inTurn) != 0)
        {
            probe.Overlapped();
        }

        await Task.Yield();
        _ticks++;
    }
}
