using System.Collections.Concurrent;
using System.Diagnostics;
using Fashionistas.LoadTests.Client;

namespace Fashionistas.LoadTests.Measurement;

/// <summary>
/// What a run measured: per-step request logs, live counters for the progress line, business outcomes
/// (sold out, over limit) apart from errors (status codes, exceptions, back-pressure).
/// </summary>
public sealed class RunRecorder
{
    private readonly ConcurrentDictionary<string, StepLog> _steps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _outcomes = new(StringComparer.Ordinal);
    private long _requests;
    private long _errorCount;
    private long _holds;
    private long _seats;
    private long _tickets;

    /// <summary>Stopwatch timestamp of the start (the barrier's release); timeline seconds count from here.</summary>
    public long StartTimestamp { get; private set; } = Stopwatch.GetTimestamp();

    public long Requests => Interlocked.Read(ref _requests);

    public long ErrorCount => Interlocked.Read(ref _errorCount);

    public long HoldsAccepted => Interlocked.Read(ref _holds);

    public long SeatsHeld => Interlocked.Read(ref _seats);

    public long TicketsIssued => Interlocked.Read(ref _tickets);

    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Outcomes => new SortedDictionary<string, long>(_outcomes, StringComparer.Ordinal);

    public IReadOnlyCollection<StepLog> Steps => [.. _steps.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Wall-clock time of the start, to compare with server timestamps on this machine.</summary>
    public DateTimeOffset StartedAtUtc { get; private set; } = DateTimeOffset.UtcNow;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartTimestamp);

    public void Start()
    {
        StartedAtUtc = DateTimeOffset.UtcNow;
        StartTimestamp = Stopwatch.GetTimestamp();
    }

    public StepLog Step(string name) => _steps.GetOrAdd(name, static n => new StepLog(n));

    /// <summary>Logs a request of <paramref name="step"/>; <paramref name="units"/> are seats held or tickets issued.</summary>
    public void Record(string step, StepResult result, int units = 0)
    {
        Interlocked.Increment(ref _requests);
        Step(step).Add(new Sample(result.EndTimestamp, (float)result.LatencyMs, (short)result.Status, (short)units));
        if (result.Failure is { } failure && !IsBusinessOutcome(result))
        {
            Error($"{step}: {failure}{Title(result)}");
        }
    }

    public void HoldAccepted(int seats)
    {
        Interlocked.Increment(ref _holds);
        Interlocked.Add(ref _seats, seats);
    }

    public void TicketsAdded(int tickets) => Interlocked.Add(ref _tickets, tickets);

    public void Error(string kind)
    {
        Interlocked.Increment(ref _errorCount);
        _errors.AddOrUpdate(kind, 1, static (_, n) => n + 1);
    }

    public void Outcome(string kind) => _outcomes.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    /// <summary>409s are answers of the product (sold out, over the limit), not failures of the server.</summary>
    private static bool IsBusinessOutcome(StepResult result) => result.Status == 409;

    private static string Title(StepResult result) => result.Text("title") is { } title ? $" ({title})" : string.Empty;
}
