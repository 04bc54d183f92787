using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Web.Auth;

/// <summary>Section <c>Auth:Rights</c>: how quickly a role or password change reaches tokens already issued.</summary>
public sealed class RightsOptions
{
    public const string Section = "Auth:Rights";

    /// <summary>
    /// How long a node trusts a user's security stamp it read from the database (default 5 s; zero reads it on every
    /// request). The node that made a change forgets it at once; other nodes and direct database writes (a password
    /// reset) take effect within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan StampCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most users whose stamps a node keeps (default 100,000); beyond it the cache starts over.</summary>
    [Range(1, 10_000_000)]
    public int MaxCachedUsers { get; set; } = 100_000;
}
