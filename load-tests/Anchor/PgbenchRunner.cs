using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Fashionistas.LoadTests.Baseline;
using Fashionistas.LoadTests.Reporting;
using Npgsql;

namespace Fashionistas.LoadTests.Anchor;

/// <summary>
/// The external anchor: PostgreSQL's own benchmark tool running the row-lock purchase transaction (the same UPDATE of
/// one hot ticket type's counter and INSERT of a hold as <see cref="RowLockPurchasePath"/>) against the run's own
/// database, with prepared statements, at a few client counts. What one hot row gives without any application.
/// </summary>
public static partial class PgbenchRunner
{
    public const string Executable = "pgbench";

    private const string Script = """
        BEGIN;
        UPDATE ticket_types SET held = held + 1, updated_at = now() WHERE id = :tt AND sold + held + 1 <= capacity;
        INSERT INTO holds (id, ticket_type_id, event_id, buyer_id, quantity, unit_price, total, status, idempotency_key, expires_at)
          VALUES (gen_random_uuid(), :tt, :ev, :buyer, 1, 150000, 150000, 'active', md5(random()::text), now() + interval '10 minutes');
        COMMIT;
        """;

    /// <summary>pgbench on PATH or in PostgreSQL 15's folder (Debian puts only a wrapper on PATH when postgresql-client is installed).</summary>
    public static string? Locate() =>
        new[] { "/usr/bin", "/usr/lib/postgresql/15/bin", "/usr/local/bin" }.Select(d => Path.Combine(d, Executable)).FirstOrDefault(File.Exists);

    public static async Task<IReadOnlyList<PgbenchResult>> RunAsync(
        string connectionString, IReadOnlyList<int> clients, TimeSpan duration, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(log);
        var executable = Locate();
        if (executable is null)
        {
            return [.. clients.Select(c => new PgbenchResult(c, 0, 0, 0, 0, "pgbench is not installed"))];
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var (eventId, ticketTypeId, buyers) = await RowLockBaseline.PrepareAsync(dataSource, 1, 1_000_000, 1_000_000, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("fashionistas-pgbench-");
        try
        {
            var script = Path.Combine(folder.FullName, "hot-row.sql");
            await File.WriteAllTextAsync(script, Script, cancellationToken);
            var results = new List<PgbenchResult>();
            foreach (var count in clients)
            {
                var result = await RunOneAsync(executable, connectionString, script, count, duration, ticketTypeId, eventId, buyers[0], cancellationToken);
                await log.WriteLineAsync(result.Error is null
                    ? FormattableString.Invariant($"  pgbench hot-row purchase, {count} clients: {result.TransactionsPerSecond:N0} tps (latency avg {result.LatencyAverageMs:F1} ms)")
                    : $"  pgbench, {count} clients: {result.Error}");
                results.Add(result);
            }

            return results;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Reads "number of transactions actually processed: N", "latency average = X ms" and "tps = Y".</summary>
    public static PgbenchResult Parse(int clients, double seconds, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var tps = Tps().Match(output);
        if (!tps.Success)
        {
            return new PgbenchResult(clients, seconds, 0, 0, 0, "pgbench printed no tps: " + output.Trim().Split('\n').LastOrDefault());
        }

        var transactions = Transactions().Match(output) is { Success: true } t ? long.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var latency = Latency().Match(output) is { Success: true } l ? double.Parse(l.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new PgbenchResult(clients, seconds, transactions, double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), latency, null);
    }

    private static async Task<PgbenchResult> RunOneAsync(
        string executable, string connectionString, string script, int clients, TimeSpan duration, Guid ticketTypeId, Guid eventId, Guid buyer,
        CancellationToken cancellationToken)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var seconds = Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds));
        string[] arguments =
        [
            "-n", "-M", "prepared", "-f", script,
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
            "-T", seconds.ToString(CultureInfo.InvariantCulture),
            "-D", $"tt={ticketTypeId}", "-D", $"ev={eventId}", "-D", $"buyer={buyer}",
            "-h", cs.Host ?? "localhost", "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres", cs.Database ?? "postgres",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The password goes through the environment, never the command line (visible to every user in ps).
        start.Environment["PGPASSWORD"] = cs.Password ?? string.Empty;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output + "\n" + await error;
        return process.ExitCode == 0 ? Parse(clients, seconds, text) : new PgbenchResult(clients, seconds, 0, 0, 0, $"pgbench exited with {process.ExitCode}: {text.Trim()}");
    }

    [GeneratedRegex(@"tps = ([\d.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of transactions actually processed: (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Transactions();

    [GeneratedRegex(@"latency average = ([\d.]+) ms", RegexOptions.CultureInvariant)]
    private static partial Regex Latency();
}
