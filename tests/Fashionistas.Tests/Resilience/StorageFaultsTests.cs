using System.Net.Sockets;
using Fashionistas.Silo.Persistence;
using Npgsql;

namespace Fashionistas.Tests.Resilience;

public sealed class StorageFaultsTests
{
    [Theory]
    [InlineData("57P01")] // terminating connection due to administrator command (pg_ctl stop -m fast)
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // the database system is starting up / shutting down
    [InlineData("53300")] // too many connections
    [InlineData("08006")] // connection failure
    public void AServerShuttingDownRestartingOrFullIsAPassingOutage(string sqlState) =>
        Assert.True(StorageFaults.IsTransient(Postgres(sqlState)));

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("23514")] // check violation
    [InlineData("42P01")] // undefined table
    [InlineData("42601")] // syntax error
    public void AnErrorRetryingCannotFixIsNotAnOutage(string sqlState) =>
        Assert.False(StorageFaults.IsTransient(Postgres(sqlState)));

    [Fact]
    public void AConnectionRefusedOrTimedOutIsAPassingOutage()
    {
        Assert.True(StorageFaults.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(StorageFaults.IsTransient(new NpgsqlException("The operation has timed out", new TimeoutException())));
        Assert.True(StorageFaults.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("closed"))));
    }

    [Fact]
    public void AnOutageWrappedInAnotherExceptionIsStillAnOutage() =>
        Assert.True(StorageFaults.IsTransient(new InvalidOperationException("wrapped", Postgres("57P01"))));

    [Fact]
    public void AnOrdinaryBugIsNotAnOutage()
    {
        Assert.False(StorageFaults.IsTransient(new InvalidOperationException("bug")));
        Assert.False(StorageFaults.IsTransient(new NpgsqlException("Npgsql refused something")));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
