using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Web.Live;

/// <summary>Section <c>Live</c>: how live updates are pushed over the SignalR hub.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// At most one <c>availability</c> (and <c>dashboard</c>) message per ticket type (event) per interval, so a
    /// sell-out burst never floods clients (default 100 ms; 1 ms to 1 min).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan CoalesceInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Hub calls one connection may make per second, sustained (default 10); beyond it calls are refused.</summary>
    [Range(0.1, 10_000)]
    public double HubCallsPerSecond { get; set; } = 10;

    /// <summary>Hub calls one connection may make at once before <see cref="HubCallsPerSecond"/> applies (default 20).</summary>
    [Range(1, 100_000)]
    public int HubCallBurst { get; set; } = 20;

    /// <summary>How often a watched waiting room is read and, when it changed, pushed (default 200 ms; 10 ms to 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan QueueInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
