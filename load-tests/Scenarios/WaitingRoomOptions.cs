namespace Fashionistas.LoadTests.Scenarios;

/// <summary>What a <c>waiting-room</c> run does (see <c>WaitingRoomCommand.Usage</c>).</summary>
public sealed record WaitingRoomOptions
{
    public int People { get; init; } = 20_000;

    /// <summary>Joins per second the generator offers (open loop).</summary>
    public int JoinRate { get; init; } = 2_000;

    /// <summary>The room's configured admission rate.</summary>
    public int AdmissionPerMinute { get; init; } = 60_000;

    /// <summary>How long after the first join the room opens (arrivals before are shuffled).</summary>
    public TimeSpan OpensAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Hub clients following the queue, each as one of the people.</summary>
    public int Watchers { get; init; } = 200;

    /// <summary>Every Nth person joins from three tabs at once.</summary>
    public int TabsEvery { get; init; } = 10;

    /// <summary>People asked for their estimate (then compared with when they were actually admitted).</summary>
    public int EstimateSample { get; init; } = 1_000;

    public TimeSpan DurationLimit { get; init; } = TimeSpan.FromMinutes(10);
}
