using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

public interface IFlakyGrain : IGrainWithGuidKey
{
    Task<string> Ping();
}
