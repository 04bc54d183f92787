namespace Fashionistas.Tests.Cluster.Support;

/// <summary>
/// A web node with no silo (<c>Orleans:Role=client</c>) in front of a separate silo host on the same database: the
/// silo starts first (as <c>src/Silo</c> runs), then the web node finds its gateway in the membership table.
/// </summary>
public sealed class ClientNodeApiFactory : Fashionistas.Tests.Infrastructure.ApiFactory
{
    private readonly string _clusterId = "client-" + Guid.NewGuid().ToString("N")[..8];

    public SiloNode? Silo { get; private set; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Orleans:Role"] = "client",
        ["Orleans:Clustering"] = "adonet",
        ["Orleans:ClusterId"] = _clusterId,
        ["Orleans:ServiceId"] = _clusterId,
    };

    protected override async Task BeforeServerStartsAsync() =>
        Silo = await SiloNode.StartAsync(Database.ConnectionString, _clusterId, withProductServices: true);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}
