using Fashionistas.Silo.Messaging.Email;
using Fashionistas.Silo.Messaging.Wati;

namespace Fashionistas.Silo.Messaging;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>WhatsApp through WATI; used for WhatsApp messages when BaseUrl and ApiToken are both set.</summary>
    public WatiOptions Wati { get; set; } = new();

    /// <summary>E-mail through SMTP; used when Host is set, else e-mails are kept in <c>message_log</c>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where people reach the site: links in messages (reset, verification) start here.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long before an event its ticket holders are reminded; default 24 hours.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often events due for their reminder are looked for; default 1 minute.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A link to a page of the site, e.g. <c>Link("/reset.html", "token", t)</c>.</summary>
    public string Link(string path, string parameter, string value) =>
        $"{PublicBaseUrl.TrimEnd('/')}{path}?{parameter}={Uri.EscapeDataString(value)}";
}
