using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Tests.Foundation;

/// <summary>What the server adds to a connection string: timeouts and statement preparation, unless it says otherwise.</summary>
public sealed class ConnectionDefaultsTests
{
    private const string Plain = "Host=127.0.0.1;Port=5432;Username=app;Password=secret;Database=fashionistas";

    [Fact]
    public void StatementsArePreparedByDefault()
    {
        var options = new PostgresOptions();

        var applied = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply(Plain, options));

        Assert.Equal(options.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(options.AutoPrepareMinUsages, applied.AutoPrepareMinUsages);
        Assert.True(applied.MaxAutoPrepare > 0);
    }

    [Fact]
    public void PreparationWrittenInTheConnectionStringWins()
    {
        var applied = new NpgsqlConnectionStringBuilder(
            ConnectionDefaults.Apply(Plain + ";Max Auto Prepare=0;Auto Prepare Min Usages=7", new PostgresOptions()));

        Assert.Equal(0, applied.MaxAutoPrepare);
        Assert.Equal(7, applied.AutoPrepareMinUsages);
    }

    [Fact]
    public void TimeoutsComeFromTheOptionsUnlessWritten()
    {
        var options = new PostgresOptions { ConnectTimeout = TimeSpan.FromSeconds(3), CommandTimeout = TimeSpan.FromSeconds(4) };

        var defaulted = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply(Plain, options));
        var written = new NpgsqlConnectionStringBuilder(ConnectionDefaults.Apply(Plain + ";Timeout=9;Command Timeout=11", options));

        Assert.Equal((3, 4), (defaulted.Timeout, defaulted.CommandTimeout));
        Assert.Equal((9, 11), (written.Timeout, written.CommandTimeout));
    }
}
