namespace Fashionistas.Grains.Commit;

/// <summary>
/// Group commit for a reentrant grain: each caller joins the batch being collected and awaits its commit. Exactly one
/// commit is in flight; it carries everything collected while the previous one ran, so the commit rate, not the call
/// rate, is bounded by the database round trip. A failed commit fails exactly the callers of its batch.
/// </summary>
/// <remarks>
/// Not thread-safe by design: it runs on its grain's activation scheduler, one turn at a time (turns interleave only at
/// awaits), like the grain's own fields.
/// </remarks>
public sealed class GroupCommit(Func<Task> commitCollected)
{
    private TaskCompletionSource? _collecting;
    private int _collectingCallers;
    private int _committingCallers;
    private bool _running;

    /// <summary>Callers waiting for a commit: those of the batch in flight and those collected for the next.</summary>
    public int Waiting => _collectingCallers + _committingCallers;

    /// <summary>Whether a commit is in flight or callers wait for the next.</summary>
    public bool IsBusy => _running;

    /// <summary>Joins the batch being collected; completes once it is durable, throws what its commit threw.</summary>
    public Task JoinAsync()
    {
        _collecting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _collectingCallers++;
        var joined = _collecting.Task;
        if (!_running)
        {
            _running = true;
            _ = RunAsync();
        }

        return joined;
    }

    private async Task RunAsync()
    {
        // Let the calls already queued on the activation decide first, so the first batch is not a batch of one.
        await Task.Yield();
        while (_collecting is { } batch)
        {
            _collecting = null;
            (_committingCallers, _collectingCallers) = (_collectingCallers, 0);
            try
            {
                await commitCollected();
                batch.SetResult();
            }
#pragma warning disable CA1031 // Every failure goes to the callers of the batch: they must not see success.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.SetException(ex);
            }

            _committingCallers = 0;
        }

        _running = false;
    }
}
