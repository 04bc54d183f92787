using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

public interface IBatchGrain : IGrainWithGuidKey
{
    /// <summary>Adds a value in memory; it becomes durable at the batch's flush.</summary>
    Task<int> Add(int value);

    /// <summary>Reports arrival, then waits for the gate, so calls behind it pile up into one batch.</summary>
    Task Block();

    Task Reject(int value);

    Task<int[]> Committed();
}
