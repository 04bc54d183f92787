using System.Globalization;
using Fashionistas.LoadTests.Cli;

namespace Fashionistas.LoadTests.Anchor;

/// <summary>
/// <c>--pgbench-seconds 5</c> (0: off) and <c>--pgbench-clients 1,16,32</c>: the pgbench anchor of a report. 64 clients do
/// not fit beside our own server: its pools keep up to 60 of the embedded PostgreSQL's 100 connections.
/// </summary>
public sealed record AnchorOptions(TimeSpan Duration, IReadOnlyList<int> Clients)
{
    public const string Usage = "[--pgbench-seconds 5] [--pgbench-clients 1,16,32]";

    public static readonly AnchorOptions Off = new(TimeSpan.Zero, []);

    public bool Enabled => Duration > TimeSpan.Zero && Clients.Count > 0;

    public static AnchorOptions Parse(CommandLine cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var seconds = cli.Int("pgbench-seconds", 5, 0, 600);
        var text = cli.Text("pgbench-clients") ?? "1,16,32";
        var clients = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000
                ? n
                : throw new UsageException($"--pgbench-clients takes client counts from 1 to 1000 separated by commas, not '{text}'."))
            .ToList();
        return new AnchorOptions(TimeSpan.FromSeconds(seconds), clients);
    }
}
