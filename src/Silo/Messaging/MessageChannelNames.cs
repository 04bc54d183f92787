namespace Fashionistas.Silo.Messaging;

/// <summary>Stable names for <see cref="MessageChannel"/> in storage and logs (enum names may be refactored).</summary>
public static class MessageChannelNames
{
    public const string WhatsApp = "whatsapp";
    public const string Email = "email";

    public static string Of(MessageChannel channel) => channel switch
    {
        MessageChannel.WhatsApp => WhatsApp,
        MessageChannel.Email => Email,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown message channel."),
    };
}
