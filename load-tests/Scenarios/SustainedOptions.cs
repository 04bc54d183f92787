namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// An open-loop steady load: buyers arrive at <see cref="Rate"/> per second for <see cref="Duration"/>, spread over
/// <see cref="Events"/> events × <see cref="TiersPerEvent"/> ticket types, whether or not earlier ones finished.
/// </summary>
public sealed record SustainedOptions
{
    /// <summary>The seed's bar: 10,000 tickets per hour.</summary>
    public const double TicketsPerHourBar = 10_000;

    public double Rate { get; init; } = 100;

    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);

    public int Events { get; init; } = 5;

    public int TiersPerEvent { get; init; } = 3;

    public int MaxQuantity { get; init; } = 4;

    public int Seed { get; init; } = 6;

    /// <summary>Arrivals allowed in flight at once; beyond it an arrival is dropped and counted (default 5,000).</summary>
    public int MaxInFlight { get; init; } = 5_000;

    /// <summary>How long in-flight arrivals may finish after the last one started (default 30 s).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Checkout { get; init; } = true;

    /// <summary>
    /// How long the same load (rate, steps) runs first on ticket types of its own, not counted (default none; the
    /// command gives a run on its own server 10 s): the measured load then meets optimised code, open connections and
    /// cached plans, as a server that has sold before, instead of the first seconds of a process started for the run.
    /// </summary>
    public TimeSpan Warmup { get; init; }

    /// <summary>Quiet pause between the warm-up and the measured load (default 1 s: the runtime's tier-up catches up).</summary>
    public TimeSpan WarmupPause { get; init; } = TimeSpan.FromSeconds(1);

    public int SetupParallelism { get; init; } = 8;

    /// <summary>Buyers created directly with minted tokens (see <see cref="FlashSaleOptions.FastSetup"/>).</summary>
    public bool FastSetup { get; init; }

    /// <summary>
    /// Keep-alive connections the arrivals share (default 256), reused request after request; an arrival finding them
    /// all busy waits for one (its latency counts from when it was due), instead of opening socket after socket.
    /// </summary>
    public int Connections { get; init; } = Client.LoadHttp.DefaultConnections;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Progress { get; init; } = true;

    /// <summary>Most arrivals one buyer makes on one ticket type: 20 × 4 seats stays within a per-buyer limit of 100.</summary>
    public const int ArrivalsPerBuyerAndTier = 20;

    public const int PerBuyerLimit = 100;
}
