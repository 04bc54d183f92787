namespace Fashionistas.Silo.Runtime;

/// <summary>
/// One turn waiting in a mailbox. Running the turn and answering the caller are separate steps so a
/// group-commit grain can answer a whole batch only after its flush succeeded.
/// </summary>
internal abstract class GrainMessage
{
    /// <summary>True for calls from callers; timer ticks do not keep an activation alive.</summary>
    public abstract bool IsCall { get; }

    /// <summary>True when the turn ran to completion; a failed turn answers with its own exception.</summary>
    public abstract bool TurnSucceeded { get; }

    /// <summary>Runs the turn and keeps its outcome; never throws.</summary>
    public abstract Task RunAsync(GrainActivation activation);

    /// <summary>Answers the caller with the outcome of the turn.</summary>
    public abstract void Complete();

    /// <summary>Answers the caller with <paramref name="exception"/> whatever the turn did.</summary>
    public abstract void Fail(Exception exception);
}
