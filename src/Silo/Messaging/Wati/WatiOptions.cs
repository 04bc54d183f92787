namespace Fashionistas.Silo.Messaging.Wati;

/// <summary>
/// Configuration section <c>Messaging:Wati</c>. The token comes only from configuration
/// (e.g. environment variable <c>Messaging__Wati__ApiToken</c>), never from source.
/// </summary>
public sealed class WatiOptions
{
    /// <summary>Your WATI API endpoint, e.g. <c>https://live-mt-server.wati.io/123456</c>; empty disables WATI.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>WATI API bearer token (without the "Bearer " prefix); empty disables WATI.</summary>
    public string? ApiToken { get; set; }

    /// <summary>WATI groups sends under a broadcast name; default empty uses the template name.</summary>
    public string? BroadcastName { get; set; }

    /// <summary>Country code put in front of national numbers (no +, 10 digits or fewer); default 57 (Colombia).</summary>
    public string DefaultCountryCode { get; set; } = "57";

    /// <summary>Time limit for one WATI call; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Shared secret of WATI's status webhook (<c>POST /api/webhooks/wati</c>): a call must carry the HMAC-SHA256 of its
    /// raw body under this key, hex, in header <c>X-Wati-Signature</c>. Empty: every webhook call is refused.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>True when both <see cref="BaseUrl"/> and <see cref="ApiToken"/> are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(ApiToken);
}
