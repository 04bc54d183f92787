using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Resilience;

/// <summary>The whole server on real HTTP over a <see cref="DedicatedCluster"/>, so a test can take PostgreSQL away under it.</summary>
public class OutageApiFactory : ApiFactory, IAsyncLifetime
{
    public DedicatedCluster Postgres { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = Postgres.ConnectionString,
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
