namespace Fashionistas.Silo.Crm;

/// <summary>Configuration section <c>Crm:Twenty</c>: sponsor sync to Twenty CRM's REST API; off unless both are set.</summary>
public sealed class TwentyOptions
{
    public const string SectionName = "Crm:Twenty";

    /// <summary>Twenty's server, e.g. <c>https://api.twenty.com</c> (requests go to <c>{BaseUrl}/rest/...</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>API key of the workspace, sent as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time limit of one call; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(ApiKey);
}
