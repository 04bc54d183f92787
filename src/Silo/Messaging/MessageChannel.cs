namespace Fashionistas.Silo.Messaging;

/// <summary>How a message reaches its recipient; stored lower-case in <c>message_log.channel</c>.</summary>
public enum MessageChannel
{
    /// <summary>WhatsApp template message; recipient is a phone number.</summary>
    WhatsApp,

    /// <summary>E-mail; recipient is an address. No e-mail service yet: always the log table.</summary>
    Email,
}
