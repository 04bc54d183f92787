using Fashionistas.LoadTests.Client;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>
/// How a virtual user repeats a step: after back-pressure (429/503 + Retry-After) or a lost response, up to
/// <see cref="MaxAttempts"/> times, never pausing longer than <see cref="MaxPause"/>. Every attempt is recorded.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan MaxPause)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(50);

    public async Task<StepResult> RunAsync(
        string step, RunRecorder recorder, Func<Task<StepResult>> call, Func<StepResult, int> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(units);
        StepResult result = null!;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            result = await call();
            recorder.Record(step, result, result.IsSuccess ? units(result) : 0);
            if (!result.IsRetryable || attempt == MaxAttempts || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var pause = result.RetryAfter ?? FirstPause * attempt;
            await Task.Delay(pause < MaxPause ? pause : MaxPause, cancellationToken);
        }

        return result;
    }
}
