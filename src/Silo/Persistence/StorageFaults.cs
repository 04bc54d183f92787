using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// Tells "PostgreSQL is unreachable, stuck or restarting: the same call may work in a moment" (answered 503 with
/// Retry-After) and "a row another request deleted or created at the same moment" (answered 409) from a failure that
/// retrying cannot fix (a bug: answered 500). The web layer asks here, so it needs nothing of the database driver.
/// </summary>
public static class StorageFaults
{
    /// <summary>True when <paramref name="exception"/> or one it wraps is a passing storage outage.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.IsTransient || IsOutage(postgres.SqlState);
                case DbException db:
                    // Npgsql marks I/O errors, timeouts and a full pool transient; anything else it raises is a bug here.
                    return db.IsTransient;
                case TimeoutException or IOException or SocketException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="exception"/> is a foreign-key or unique violation: a concurrent request removed or
    /// created the row, so the caller can re-read and retry.
    /// </summary>
    public static bool IsConcurrentChange(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Errors the server sends while it shuts down, restarts or runs out of room: class 08 (connection), 53
    /// (insufficient resources) and 57P01-57P05 (administrator shutdown, crash, cannot connect now, idle timeouts).
    /// </summary>
    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P0", StringComparison.Ordinal);
}
