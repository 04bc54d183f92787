using Fashionistas.Silo.Media;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Media;

public static class MediaFiles
{
    /// <summary>Long enough for browsers and proxies to keep images; stored names are fresh GUIDs, never reused.</summary>
    private const string Caching = "public, max-age=31536000, immutable";

    /// <summary>
    /// Serves the local media store's folder (<c>Media:Local:RootPath</c>, created if missing) at
    /// <c>Media:Local:PublicPath</c>. Only known media types are served (never a half-written <c>.partial</c>), with
    /// <c>nosniff</c> so a file is only ever what its extension says.
    /// </summary>
    public static IApplicationBuilder UseMediaFiles(this WebApplication app)
    {
        var local = app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Local;
        var root = Path.GetFullPath(local.RootPath);
        Directory.CreateDirectory(root);
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = local.PublicPath.TrimEnd('/'),
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Context.Response.Headers.CacheControl = Caching;
            },
        });
    }
}
