using MailKit.Security;

namespace Fashionistas.Silo.Messaging.Email;

/// <summary>
/// Configuration section <c>Messaging:Smtp</c>. With no host, e-mails are kept in <c>message_log</c> and shown to admins.
/// The password comes only from configuration (e.g. <c>Messaging__Smtp__Password</c>), never from source.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>SMTP server host name; empty keeps e-mails in <c>message_log</c> instead of sending them.</summary>
    public string? Host { get; set; }

    /// <summary>Port; default 587 (submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// TLS: <c>Auto</c> (default: TLS on 465, STARTTLS when offered elsewhere), <c>StartTls</c> (required),
    /// <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c> or <c>None</c> (local relays only).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Login name; empty sends without authenticating.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, e.g. <c>boletas@fashionistas.co</c>; required with a host.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The From display name; default "Fashionistas".</summary>
    public string FromName { get; set; } = "Fashionistas";

    /// <summary>Time limit of one SMTP operation; default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
