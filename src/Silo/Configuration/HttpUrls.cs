namespace Fashionistas.Silo.Configuration;

/// <summary>The one rule for configured and submitted links: absolute, and http or https (no file:, ftp:, javascript:).</summary>
public static class HttpUrls
{
    public static bool IsAbsoluteHttp(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
