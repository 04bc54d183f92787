namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// The server under test: where it listens, an admin account on it (to publish events and grant roles), and its
/// database for verification (null: the run is not verified against the database).
/// </summary>
public sealed record LoadTarget(Uri BaseAddress, string AdminEmail, string AdminPassword, string? ConnectionString);
