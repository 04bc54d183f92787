namespace Fashionistas.LoadTests.Reporting;

/// <summary>pgbench's hot-row purchase transaction at <paramref name="Clients"/> clients: transactions per second, or why it failed.</summary>
public sealed record PgbenchResult(int Clients, double Seconds, long Transactions, double TransactionsPerSecond, double LatencyAverageMs, string? Error);
