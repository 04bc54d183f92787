using System.Diagnostics;
using Npgsql;

namespace Fashionistas.Tests.Allocations;

/// <summary>
/// Counts the look-ups of a hold code among allocations (<c>SELECT id FROM ticket_allocations WHERE ticket_type_id = ... AND upper(code) = ...</c>)
/// that Npgsql sends to one test database, from Npgsql's own tracing (ActivitySource <c>Npgsql</c>): the statements that
/// really went to PostgreSQL, whatever code sent them.
/// </summary>
internal sealed class AllocationQueryCounter : IDisposable
{
    private const string LookupTable = "FROM ticket_allocations WHERE ticket_type_id";
    private const string LookupCode = "upper(code)";
    private readonly ActivityListener _listener;
    private readonly string _database;
    private int _count;

    public AllocationQueryCounter(string connectionString)
    {
        _database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (activity.GetTagItem("db.namespace") as string == _database
            && activity.GetTagItem("db.query.text") is string text && text.Contains(LookupTable, StringComparison.Ordinal)
            && text.Contains(LookupCode, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
