namespace Fashionistas.Silo.Cluster;

/// <summary>How silos find each other (<c>Orleans:Clustering</c>).</summary>
public enum ClusteringMode
{
    /// <summary>One silo on this machine, membership in memory: the one-command default.</summary>
    Localhost,

    /// <summary>Membership in the application's PostgreSQL, so every node on that database joins one cluster.</summary>
    AdoNet,
}
