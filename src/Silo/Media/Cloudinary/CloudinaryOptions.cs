namespace Fashionistas.Silo.Media.Cloudinary;

/// <summary>
/// Configuration section <c>Media:Cloudinary</c>. The secret comes only from configuration
/// (e.g. environment variable <c>Media__Cloudinary__ApiSecret</c>).
/// </summary>
public sealed class CloudinaryOptions
{
    public string? CloudName { get; set; }

    public string? ApiKey { get; set; }

    public string? ApiSecret { get; set; }

    /// <summary>API root; default <c>https://api.cloudinary.com</c>.</summary>
    public string BaseUrl { get; set; } = "https://api.cloudinary.com";

    /// <summary>Prefix of every public id, so our assets stay apart in a shared account; default <c>fashionistas</c>.</summary>
    public string RootFolder { get; set; } = "fashionistas";

    /// <summary>Time limit for one upload; default 2 minutes (videos are large).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(CloudName) && !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(ApiSecret);
}
