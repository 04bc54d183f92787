namespace Fashionistas.Silo.Media;

/// <summary>Configuration section <c>Media:Local</c>: the built-in store on local disk.</summary>
public sealed class LocalMediaOptions
{
    /// <summary>Folder files are written to; default <c>.data/media</c> relative to the working directory.</summary>
    public string RootPath { get; set; } = Path.Combine(".data", "media");

    /// <summary>URL path the web host serves <see cref="RootPath"/> under; default <c>/media</c>.</summary>
    public string PublicPath { get; set; } = "/media";
}
