namespace Fashionistas.Grains.WaitingRoom;

/// <summary>
/// The admission rate actually achieved, measured over a sliding window: admissions per minute over the time the room
/// was admitting with people waiting. Ticks that were paused or ran the queue empty say nothing about the rate and are
/// left out, so a quiet spell does not make the next estimate too long (nor a burst too short).
/// </summary>
public sealed class AdmissionMeter(TimeSpan window, TimeSpan minimumHistory)
{
    private readonly Queue<(DateTimeOffset At, TimeSpan Length, int Admitted)> _ticks = new();
    private TimeSpan _length;
    private long _admitted;

    /// <summary>Records a tick of <paramref name="length"/> that admitted <paramref name="admitted"/> while people waited.</summary>
    public void Record(DateTimeOffset at, TimeSpan length, int admitted)
    {
        _ticks.Enqueue((at, length, admitted));
        _length += length;
        _admitted += admitted;
        while (_ticks.TryPeek(out var oldest) && oldest.At < at - window)
        {
            _ticks.Dequeue();
            _length -= oldest.Length;
            _admitted -= oldest.Admitted;
        }
    }

    /// <summary>Admissions per minute measured, or <paramref name="fallback"/> until there is enough history.</summary>
    public double PerMinute(double fallback) =>
        _length < minimumHistory || _length <= TimeSpan.Zero ? fallback : _admitted / _length.TotalMinutes;
}
