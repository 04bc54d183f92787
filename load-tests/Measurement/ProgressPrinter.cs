using System.Globalization;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>The live line, once a second: elapsed, requests, holds/s over the last second, seats, tickets, errors.</summary>
public sealed class ProgressPrinter : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly RunRecorder _recorder;
    private readonly TextWriter _output;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ProgressPrinter(RunRecorder recorder, TextWriter output, Func<string>? extra = null)
    {
        _recorder = recorder;
        _output = output;
        _loop = RunAsync(extra);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(Func<string>? extra)
    {
        using var timer = new PeriodicTimer(Interval);
        long lastHolds = 0;
        long lastRequests = 0;
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            var holds = _recorder.HoldsAccepted;
            var requests = _recorder.Requests;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{_recorder.Elapsed.TotalSeconds,6:F1}s] requests {requests,8} ({requests - lastRequests,6}/s)  holds {holds,7} ({holds - lastHolds,6}/s)  " +
                $"seats {_recorder.SeatsHeld,7}  tickets {_recorder.TicketsIssued,7}  errors {_recorder.ErrorCount,5}{extra?.Invoke()}");
            lastHolds = holds;
            lastRequests = requests;
            await _output.WriteLineAsync(line);
        }
    }
}
