using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

public interface ICounterGrain : IGrainWithGuidKey
{
    Task<int> Increment();

    Task<int> Get();

    Task Fail();

    Task<Guid> InstanceId();

    Task Leave();
}
