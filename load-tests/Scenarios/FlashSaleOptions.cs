namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// A flash sale: <see cref="Users"/> buyers start together against one ticket type of <see cref="Seats"/> seats,
/// each wanting 1 to <see cref="MaxQuantity"/> seats (seeded, so runs are comparable), while <see cref="Watchers"/>
/// hub clients measure live updates.
/// </summary>
public sealed record FlashSaleOptions
{
    public int Users { get; init; } = 1000;

    public int Seats { get; init; } = 5000;

    public int Watchers { get; init; } = 500;

    /// <summary>The ticket type's per-buyer limit (default 4).</summary>
    public int PerBuyerLimit { get; init; } = 4;

    /// <summary>Most seats a buyer asks for (default 4; each asks 1 to this many).</summary>
    public int MaxQuantity { get; init; } = 4;

    /// <summary>Seed of the quantities (default 6).</summary>
    public int Seed { get; init; } = 6;

    /// <summary>The whole run stops by itself after this long (default 5 minutes).</summary>
    public TimeSpan DurationLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Check out every hold on the test provider and read the tickets (default on).</summary>
    public bool Checkout { get; init; } = true;

    /// <summary>Run the row-lock baseline against the same database afterwards (default on; needs the database).</summary>
    public bool WithBaseline { get; init; } = true;

    /// <summary>Connections of the row-lock baseline's pool (default 40: with the server's 50 it stays under PostgreSQL's 100).</summary>
    public int BaselinePoolSize { get; init; } = 40;

    /// <summary>
    /// Create buyers directly in the database with tokens from the server's signing key instead of registering them
    /// through the API (needs the database and the key: our own server). Default off.
    /// </summary>
    public bool FastSetup { get; init; }

    /// <summary>
    /// Warm-up rounds before the measured sale (default 0: none). Each round, <see cref="WarmupBuyers"/> buyers of their
    /// own go through the same steps on a warm-up ticket type of another event, then the run pauses
    /// <see cref="WarmupPause"/>: the server then runs optimised code with warm connections and plan caches, as one that has
    /// served traffic before the sale opens. The .NET runtime counts calls only after a quiet spell, so one round compiles
    /// the quick first versions and the following rounds trigger the optimised ones.
    /// </summary>
    public int WarmupRounds { get; init; }

    /// <summary>Buyers per warm-up round (default 200); they never touch the measured ticket type.</summary>
    public int WarmupBuyers { get; init; } = 200;

    /// <summary>Quiet pause after each warm-up round (default 1 s).</summary>
    public TimeSpan WarmupPause { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Registrations at a time during setup (default 8).</summary>
    public int SetupParallelism { get; init; } = 8;

    /// <summary>Tries per step on back-pressure (429/503) or a lost response, with the same idempotency key (default 20).</summary>
    public int MaxAttempts { get; init; } = 20;

    /// <summary>Longest pause honoured from a Retry-After (default 2 s).</summary>
    public TimeSpan MaxRetryPause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Keep-alive connections the buyers share (default 0: one per buyer, as each buyer's browser keeps its own; the
    /// buyers open them before the start).
    /// </summary>
    public int Connections { get; init; }

    /// <summary>Per-request timeout (default 30 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long watchers may take after the last hold to see the final availability (default 5 s).</summary>
    public TimeSpan PushSettle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Hub path (default /hubs/live).</summary>
    public string HubPath { get; init; } = "/hubs/live";

    /// <summary>Write progress lines every second (off in tests).</summary>
    public bool Progress { get; init; } = true;
}
