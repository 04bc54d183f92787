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
}
