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

    /// <summary>
    /// How often a sender that has changes to send re-reads the node list (default 250 ms), so a node that joined since
    /// the last read gets the changes of a sale that started right after it came up, not only after
    /// <see cref="RegistrationInterval"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan NodeListRefresh { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A node that has not re-registered for this long is forgotten (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan NodeExpiry { get; set; } = TimeSpan.FromSeconds(30);
}
