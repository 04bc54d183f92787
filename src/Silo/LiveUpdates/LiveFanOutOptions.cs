using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Silo.LiveUpdates;

/// <summary>Section <c>LiveFanOut</c>: how committed changes reach the web nodes of the cluster.</summary>
public sealed class LiveFanOutOptions
{
    public const string Section = "LiveFanOut";

    /// <summary>
    /// How often a node sends what was committed on it to the other web nodes, as one batch per node (default 20 ms, a
    /// small share of the 250 ms push budget; the web nodes still coalesce per ticket type before pushing).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often web nodes re-register with the registry and senders re-read it (default 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RegistrationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A node that has not re-registered for this long is forgotten (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan NodeExpiry { get; set; } = TimeSpan.FromSeconds(30);
}
