namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// The server under test: where it listens, an admin account on it (to publish events and grant roles), its
/// database for verification (null: the run is not verified against the database), and its token signing key when
/// known (our own server), which lets <c>--fast-setup</c> create buyers without the API's deliberately slow hashing, and its pid (our own server) for CPU accounting.
/// </summary>
public sealed record LoadTarget(Uri BaseAddress, string AdminEmail, string AdminPassword, string? ConnectionString, string? SigningKey = null, int? ServerProcessId = null);
