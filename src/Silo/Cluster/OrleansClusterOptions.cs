using System.Net;

namespace Fashionistas.Silo.Cluster;

/// <summary>
/// Where this node stands in the Orleans cluster (section <c>Orleans</c>). The defaults run one silo on localhost;
/// <c>Orleans:Clustering=adonet</c> makes every node on the same database and <see cref="ClusterId"/> one cluster.
/// </summary>
public sealed class OrleansClusterOptions
{
    public const string Section = "Orleans";

    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary>Nodes with the same id (and database) form one cluster; a new id starts a new membership.</summary>
    public string ClusterId { get; set; } = "fashionistas";

    /// <summary>Names the service across cluster redeployments: grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; set; } = "fashionistas";

    /// <summary>Port silos talk to each other on; every node on one machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (silo-less web nodes) reach this silo's grains on; one per node on one machine; 0 = no gateway.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other nodes reach this one at; empty picks this host's address (with <c>adonet</c>) or 127.0.0.1
    /// (with <c>localhost</c>). A non-loopback address also makes the silo listen on every interface.
    /// </summary>
    public string? AdvertisedIP { get; set; }

    /// <summary>Whether a web node hosts a silo or is only a client of the cluster (the silo host is always a silo).</summary>
    public NodeRole Role { get; set; } = NodeRole.Silo;

    /// <summary>The parsed <see cref="AdvertisedIP"/>, or null when it is empty.</summary>
    public IPAddress? AdvertisedAddress =>
        string.IsNullOrWhiteSpace(AdvertisedIP) ? null : IPAddress.Parse(AdvertisedIP.Trim());
}
