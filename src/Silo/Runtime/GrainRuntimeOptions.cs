namespace Fashionistas.Silo.Runtime;

/// <summary>Tuning of the grain runtime; bound from the <c>GrainRuntime</c> configuration section.</summary>
public sealed class GrainRuntimeOptions
{
    public const string SectionName = "GrainRuntime";

    /// <summary>Messages one activation may have waiting; a call beyond it fails at once (default 10,000).</summary>
    public int MailboxCapacity { get; set; } = 10_000;

    /// <summary>Retry-After given with a <c>GrainBusyException</c> when a mailbox is full (default 1 s).</summary>
    public TimeSpan BusyRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most messages run as one batch before a group commit flush (default 256).</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// Lets a grain implementing <c>IPipelinedGroupCommitGrain</c> run the turns of its next batch while the
    /// previous batch commits (at most one commit in flight, commits in order, answers only after their own commit).
    /// Off: every batch waits for the previous commit, as plain <c>IGroupCommitGrain</c>s do (default true).
    /// </summary>
    public bool PipelineCommits { get; set; } = true;

    /// <summary>How long a batch may wait for more messages once it has one (default zero: take what is there).</summary>
    public TimeSpan BatchWait { get; set; } = TimeSpan.Zero;

    /// <summary>An activation without calls for this long is deactivated (default 10 min).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often idle activations are looked for (default 30 s).</summary>
    public TimeSpan IdleSweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
