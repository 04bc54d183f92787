namespace Fashionistas.Web.WaitingRoom;

/// <summary>Section <c>WaitingRoom</c> (web side): the key admission passes are signed with.</summary>
public sealed class QueuePassOptions
{
    public const string Section = "WaitingRoom";

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes) for admission passes. When empty it is derived from the access-token
    /// signing key (<c>Auth:SigningKey</c> or its generated key file), so nodes that share one share the other.
    /// </summary>
    public string? PassKey { get; set; }

    /// <summary>
    /// How long a node trusts what it last read of whether an event's waiting room is on (default 1 s): purchases of
    /// events without a room then cost no grain call. The node that switches a room on or off forgets at once; other
    /// nodes follow within this time.
    /// </summary>
    public TimeSpan GateCacheTime { get; set; } = TimeSpan.FromSeconds(1);
}
