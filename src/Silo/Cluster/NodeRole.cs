namespace Fashionistas.Silo.Cluster;

/// <summary>What a web node is to the cluster (<c>Orleans:Role</c>).</summary>
public enum NodeRole
{
    /// <summary>The web node hosts a silo of its own (grains run in the same process).</summary>
    Silo,

    /// <summary>The web node runs no grains and reaches the cluster's silos through their gateways.</summary>
    Client,
}
