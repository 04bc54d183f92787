namespace Fashionistas.Silo.Messaging;

/// <summary>Values of <c>message_log.status</c>, in the order a message moves through them.</summary>
public static class MessageStatuses
{
    /// <summary>No service configured for the channel: kept in the table and shown to admins instead.</summary>
    public const string Kept = "kept";

    /// <summary>Handed to the SMTP server or WATI.</summary>
    public const string Sent = "sent";

    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";
}
