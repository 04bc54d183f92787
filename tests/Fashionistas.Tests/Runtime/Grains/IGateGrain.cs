using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

public interface IGateGrain : IGrainWithGuidKey
{
    /// <summary>Reports arrival, then waits until the test opens the gate.</summary>
    Task<int> Pass();

    Task<int> Passed();
}
