namespace Fashionistas.LoadTests.Hosting;

/// <summary>
/// The server under test: where it listens, an admin account on it (to publish events and grant roles), its
/// database for verification (null: the run is not verified against the database), and its token signing key when
/// known (our own server), which lets <c>--fast-setup</c> create buyers without the API's deliberately slow hashing, and its pid (our own server) for CPU accounting.
/// With <see cref="Nodes"/> (web nodes of one cluster, <see cref="BaseAddress"/> first), requests are spread over the
/// nodes and watchers join the last one, so they see sales made through the others.
/// </summary>
public sealed record LoadTarget(Uri BaseAddress, string AdminEmail, string AdminPassword, string? ConnectionString, string? SigningKey = null, int? ServerProcessId = null, IReadOnlyList<Uri>? Nodes = null)
{
    /// <summary>Where watchers connect: the last node of a cluster, else the server.</summary>
    public Uri WatchAddress => Nodes is { Count: > 0 } ? Nodes[^1] : BaseAddress;
}
