using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Media.Cloudinary;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMediaStore"/>: Cloudinary when <c>Media:Cloudinary:CloudName</c>, <c>ApiKey</c>
    /// and <c>ApiSecret</c> are set, else <see cref="LocalDiskMediaStore"/> (serve <c>Media:Local:RootPath</c>
    /// at <c>Media:Local:PublicPath</c> from the web host), and the outbox handler that removes files whose rows were
    /// deleted (<see cref="MediaDeleteOutboxHandler"/>; AddOutbox runs it).
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.SectionName))
            .Validate(options => options.MaxBytes > 0, "Media:MaxBytes must be positive.")
            .Validate(
                options => !string.IsNullOrWhiteSpace(options.Local.RootPath) && options.Local.PublicPath.StartsWith('/'),
                "Media:Local:RootPath is required and Media:Local:PublicPath must start with '/'.")
            .Validate(
                options => HttpUrls.IsAbsoluteHttp(options.Cloudinary.BaseUrl)
                    && options.Cloudinary.RequestTimeout > TimeSpan.Zero,
                "Media:Cloudinary:BaseUrl must be an absolute http(s) URL and RequestTimeout positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalDiskMediaStore>();
        services.AddHttpClient<CloudinaryMediaStore>((provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<MediaOptions>>().Value.Cloudinary.RequestTimeout);
        services.TryAddTransient<IMediaStore>(provider =>
            provider.GetRequiredService<IOptions<MediaOptions>>().Value.Cloudinary.IsConfigured
                ? provider.GetRequiredService<CloudinaryMediaStore>()
                : provider.GetRequiredService<LocalDiskMediaStore>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, MediaDeleteOutboxHandler>());
        return services;
    }
}
