namespace Fashionistas.LoadTests.Measurement;

/// <summary>One second of a run: throughput and hold latency of the requests that ended in it.</summary>
public sealed record TimelinePoint(
    int Second, long Requests, long Holds, long Seats, long Tickets, long Errors, double HoldP50Ms, double HoldP99Ms);
