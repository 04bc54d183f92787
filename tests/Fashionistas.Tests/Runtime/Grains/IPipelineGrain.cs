using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

public interface IPipelineGrain : IGrainWithGuidKey
{
    /// <summary>Adds a value in memory and answers its position in the grain's history (1-based).</summary>
    Task<int> Add(int value);

    /// <summary>Reports arrival, then waits for the gate, so calls behind it pile up into one batch.</summary>
    Task Block();

    Task Reject(int value);

    /// <summary>The values whose commit the grain has seen succeed (in AfterCommit).</summary>
    Task<int[]> Committed();
}
