using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// Where the data lives. With <c>ConnectionStrings:Postgres</c> set, that server is used and nothing is started;
/// without it, an embedded cluster is started from the machine's PostgreSQL binaries in <see cref="DataDirectory"/>.
/// </summary>
public sealed class PostgresOptions
{
    public const string Section = "Postgres";

    /// <summary>Data folder of the embedded cluster (default <c>.data/postgres</c>, relative to the working directory).</summary>
    [Required]
    public string DataDirectory { get; set; } = Path.Combine(".data", "postgres");

    /// <summary>Folder holding initdb/pg_ctl; found with <c>pg_config --bindir</c> or /usr/lib/postgresql/*/bin when empty.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>TCP port of the embedded cluster on 127.0.0.1; 0 picks a free one at each start.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Database created in the embedded cluster.</summary>
    [Required]
    public string Database { get; set; } = "fashionistas";

    /// <summary>
    /// How long to wait for the embedded cluster to start or stop, and at start-up for PostgreSQL to accept
    /// connections (a configured server still coming up is retried, not fatal).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Connections in the pool (Npgsql's Maximum Pool Size) for the embedded default.</summary>
    [Range(2, 1000)]
    public int MaxPoolSize { get; set; } = 50;

    /// <summary>
    /// Longest wait to open a connection, or to get one from a full pool (Npgsql's <c>Timeout</c>). Default 2 seconds,
    /// not Npgsql's 15: connecting and signing in take milliseconds on a working network, and when PostgreSQL is
    /// unreachable a request should answer 503 soon instead of hanging. A <c>Timeout</c> in the connection string wins.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest a statement may run (Npgsql's <c>Command Timeout</c>). Default 5 seconds, not Npgsql's 30: every
    /// statement of the request path takes milliseconds, so a slower one means the database is stuck and the caller
    /// gets 503. Npgsql then tries to cancel the statement, so a request on a hung server fails after about this plus
    /// twice <see cref="ConnectTimeout"/>. Migrations are exempt. A <c>Command Timeout</c> in the connection string wins.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connections of the inventory's own pool (ticket-type commits and loads), apart from <see cref="MaxPoolSize"/> so
    /// group commits never wait behind request traffic. A hot ticket type has one commit in flight at a time (default 10).
    /// </summary>
    [Range(1, 1000)]
    public int InventoryMaxPoolSize { get; set; } = 10;

    /// <summary>
    /// Statements each connection keeps prepared on the server (Npgsql's <c>Max Auto Prepare</c>; default 64, 0 turns
    /// it off). Measured in a flash sale: without it PostgreSQL spent about half its CPU parsing and planning the same
    /// few statements again and again. A <c>Max Auto Prepare</c> in the connection string wins.
    /// </summary>
    [Range(0, 1000)]
    public int MaxAutoPrepare { get; set; } = 64;

    /// <summary>
    /// Executions on a connection before a statement is prepared (Npgsql's <c>Auto Prepare Min Usages</c>; default 2, so
    /// one-off statements are not prepared). A <c>Auto Prepare Min Usages</c> in the connection string wins.
    /// </summary>
    [Range(1, 1000)]
    public int AutoPrepareMinUsages { get; set; } = 2;
}
