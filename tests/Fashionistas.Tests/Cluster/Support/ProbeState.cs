namespace Fashionistas.Tests.Cluster.Support;

[GenerateSerializer, Immutable, Alias("Fashionistas.Tests.Cluster.ProbeState")]
public sealed record ProbeState
{
    [Id(0)]
    public string? Note { get; init; }

    [Id(1)]
    public int RemindersReceived { get; init; }
}
