using Fashionistas.Silo.Messaging.Wati;

namespace Fashionistas.Silo.Messaging;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>WhatsApp through WATI; used for WhatsApp messages when BaseUrl and ApiToken are both set.</summary>
    public WatiOptions Wati { get; set; } = new();
}
