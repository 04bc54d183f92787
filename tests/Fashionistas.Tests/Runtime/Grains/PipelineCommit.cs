using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>The captured writes of one <see cref="PipelineGrain"/> batch; its commit touches only these and the probe.</summary>
public sealed class PipelineCommit(TestProbe probe, int turns, int[] values) : IPendingCommit
{
    public int[] Values => values;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        probe.CommitStarting();
        try
        {
            var fail = probe.FlushStarting();
            await probe.WaitForCommitPermitAsync();

            // A real commit leaves the thread: the grain's next turns get a chance to run meanwhile.
            await Task.Yield();
            if (fail)
            {
                throw new IOException("The disk is gone.");
            }

            probe.Flushed(turns, values);
        }
        finally
        {
            probe.CommitEnded();
        }
    }
}
