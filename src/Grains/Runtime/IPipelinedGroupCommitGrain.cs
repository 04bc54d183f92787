namespace Fashionistas.Grains.Runtime;

/// <summary>
/// A group-commit grain whose commit is split in three so the runtime can pipeline batches (depth 2): while
/// batch N commits, the turns of batch N+1 already run against the state that includes N.
/// </summary>
/// <remarks>
/// <para>The runtime's sequence for one activation, with <c>GrainRuntime:PipelineCommits</c> on:</para>
/// <list type="number">
/// <item>run the turns of batch N+1 (commit N may still be in flight);</item>
/// <item>wait for commit N; if it failed, every caller of N and of N+1 gets the failure (N+1 decided on state
/// that included N) and the activation is dropped, so the next call reloads durable state;</item>
/// <item>call <see cref="AfterCommit"/> for N as a turn, then release N's answers;</item>
/// <item>call <see cref="PrepareCommit"/> as a turn to take N+1's writes and start its commit.</item>
/// </list>
/// <para>So commits run one at a time and in order, no answer is released before its own batch (and every
/// batch before it) is durable, and grain code (turns, <see cref="PrepareCommit"/>, <see cref="AfterCommit"/>)
/// never runs concurrently with itself. Only <see cref="IPendingCommit.CommitAsync"/> overlaps with turns, which
/// is why it may touch captured data only.</para>
/// <para>With the option off, or on deactivation, the inherited <see cref="IGroupCommitGrain.FlushAsync"/> runs
/// the same three steps one after another: the simple, unpipelined behaviour.</para>
/// </remarks>
public interface IPipelinedGroupCommitGrain : IGroupCommitGrain
{
    /// <summary>
    /// Takes the writes of the batch just run and returns them as a commit that captures everything it writes;
    /// null when the batch wrote nothing. Runs as part of a turn: synchronous, no I/O.
    /// </summary>
    IPendingCommit? PrepareCommit();

    /// <summary>
    /// Runs as a turn once <paramref name="commit"/> is durable, before its callers are answered: publishing,
    /// notifications, bookkeeping. The batch is already durable, so nothing here may fail it; exceptions are
    /// logged and swallowed by the runtime.
    /// </summary>
    void AfterCommit(IPendingCommit commit);

    async Task IGroupCommitGrain.FlushAsync(CancellationToken cancellationToken)
    {
        if (PrepareCommit() is not { } commit)
        {
            return;
        }

        await commit.CommitAsync(cancellationToken).ConfigureAwait(false);
        AfterCommit(commit);
    }
}
