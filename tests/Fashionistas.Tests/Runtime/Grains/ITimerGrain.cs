using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

public interface ITimerGrain : IGrainWithGuidKey
{
    Task<int> Ticks();

    /// <summary>Reports arrival, waits for the gate, then answers the tick count.</summary>
    Task<int> TicksAfterGate();

    Task StopTicking();
}
