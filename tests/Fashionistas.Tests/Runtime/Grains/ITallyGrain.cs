using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

public interface ITallyGrain : IGrainWithGuidKey
{
    Task<int> Add(int amount, string note);

    Task<TallyState> Get();

    Task<bool> Exists();

    Task Clear();
}
