using Fashionistas.Silo.Media.Cloudinary;

namespace Fashionistas.Silo.Media;

/// <summary>Configuration section <c>Media</c>.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Largest accepted upload; default 20 MiB (a runway clip, not a full show).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    public LocalMediaOptions Local { get; set; } = new();

    /// <summary>Used instead of the local disk when CloudName, ApiKey and ApiSecret are all set.</summary>
    public CloudinaryOptions Cloudinary { get; set; } = new();
}
