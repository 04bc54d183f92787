namespace Fashionistas.Web.Security;

/// <summary>
/// Headers every answer carries so browsers hold the pages to what they are: scripts only from this origin (no inline
/// script anywhere in the pages), no framing (clickjacking), no MIME sniffing, no referrer leaking ticket ids to other
/// sites, and the camera only for this origin's door page.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Styles allow 'unsafe-inline' for the pages' style attributes; images allow https: and blob: for stored media
    /// (Cloudinary) and the QR codes the pages fetch with the bearer token.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar) starts itself with one inline module script it generates; only under its path
    /// may inline scripts run. It has no user content and loads nothing from other origins.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <param name="app">The pipeline.</param>
    /// <param name="apiReferencePath">Where the API reference page is served (gets <see cref="ApiReferencePolicy"/>).</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, PathString apiReferencePath) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(apiReferencePath) ? ApiReferencePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
