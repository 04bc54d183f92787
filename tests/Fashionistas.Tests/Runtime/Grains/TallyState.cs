namespace Fashionistas.Tests.Runtime.Grains;

public sealed record TallyState
{
    public int Count { get; init; }

    public string? LastNote { get; init; }
}
