using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

public sealed class InvalidGrain : Grain, IInvalidGrain
{
    public int Count() => 0;
}
