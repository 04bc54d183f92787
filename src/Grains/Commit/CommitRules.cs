using Fashionistas.Grains.Contracts;

namespace Fashionistas.Grains.Commit;

/// <summary>
/// The rules every group-committing grain (ticket type, promo code, waiting room) applies around its
/// <see cref="GroupCommit"/>: a broken activation (a commit failed, so its memory holds writes that never happened)
/// refuses everything until it has reloaded; a full queue answers busy at once instead of growing without bound; and
/// an answer goes out only once what it depends on is durable.
/// </summary>
public static class CommitRules
{
    /// <summary>
    /// Throws <see cref="GrainUnavailableException"/> when the activation is broken and <see cref="GrainBusyException"/>
    /// when <paramref name="maxWaitingCalls"/> callers already wait on its commits. <paramref name="kind"/> and
    /// <paramref name="key"/> name the grain in the messages ("ticket type", its id).
    /// </summary>
    public static void ThrowIfRefusing<TKey>(string kind, TKey key, Exception? broken, GroupCommit? commits, int maxWaitingCalls, TimeSpan busyRetryAfter)
    {
        ThrowIfBroken(kind, key, broken);
        if (commits is not null && commits.Waiting >= maxWaitingCalls)
        {
            throw new GrainBusyException($"{kind} {key}", busyRetryAfter);
        }
    }

    /// <summary>Throws <see cref="GrainUnavailableException"/> when the activation is broken.</summary>
    public static void ThrowIfBroken<TKey>(string kind, TKey key, Exception? broken)
    {
        if (broken is not null)
        {
            throw GrainUnavailableException.Because($"{char.ToUpperInvariant(kind[0])}{kind[1..]} {key} is reloading after a failed commit; retry.", broken);
        }
    }

    /// <summary>
    /// <paramref name="answer"/> once everything decided so far (the caller's writes, and any it read from a batch still
    /// committing) is durable; at once when nothing is pending or in flight.
    /// </summary>
    public static Task<T> Durable<T>(GroupCommit? commits, bool nothingPending, T answer) =>
        commits is not null && (commits.IsBusy || !nothingPending) ? AfterCommit(commits, answer) : Task.FromResult(answer);

    private static async Task<T> AfterCommit<T>(GroupCommit commits, T answer)
    {
        await commits.JoinAsync();
        return answer;
    }
}
