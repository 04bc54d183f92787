namespace Fashionistas.Grains.Runtime;

/// <summary>What the runtime gives one activation: its identity, time, timers and its own lifetime.</summary>
public interface IGrainContext
{
    Guid Key { get; }

    IGrainFactory GrainFactory { get; }

    TimeProvider Time { get; }

    /// <summary>
    /// Runs <paramref name="callback"/> as a turn of this activation (never concurrently with calls).
    /// A tick that finds the mailbox full is skipped, not queued.
    /// </summary>
    IDisposable RegisterTimer(Func<Task> callback, TimeSpan dueTime, TimeSpan period);

    /// <summary>Deactivates after the current batch: state is flushed, the next call activates anew.</summary>
    void DeactivateOnIdle();
}
