namespace Fashionistas.Tests.Resilience;

/// <summary>
/// <see cref="OutageApiFactory"/> with short database timeouts, so tests of a hung PostgreSQL finish quickly; what they
/// show is that the configured timeouts bound every request, whatever their values.
/// </summary>
public sealed class HungDatabaseApiFactory : OutageApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Postgres:ConnectTimeout"] = "00:00:01",
        ["Postgres:CommandTimeout"] = "00:00:02",
    };
}
