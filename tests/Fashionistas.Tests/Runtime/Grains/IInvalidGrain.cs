using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>Not callable through the runtime: a grain method must return a Task.</summary>
public interface IInvalidGrain : IGrainWithGuidKey
{
    int Count();
}
