using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Fashionistas.Silo.Media;

/// <summary>What may be uploaded: a pure check the endpoint runs before touching any store.</summary>
public static partial class MediaUploadRules
{
    /// <summary>Accepted content types and the extension each is stored with.</summary>
    public static FrozenDictionary<string, string> AllowedTypes { get; } = new Dictionary<string, string>
    {
        ["image/jpeg"] = ".jpg",
        ["image/png"] = ".png",
        ["image/webp"] = ".webp",
        ["image/gif"] = ".gif",
        ["video/mp4"] = ".mp4",
        ["video/webm"] = ".webm",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Null error when the upload is acceptable; otherwise a user-facing reason.
    /// <paramref name="length"/> may be null when unknown (the store then enforces the limit while copying).
    /// </summary>
    public static bool TryValidate(
        string contentType, long? length, string folder, long maxBytes, [NotNullWhen(false)] out string? error)
    {
        error = contentType is null || !AllowedTypes.ContainsKey(contentType)
            ? $"Only {string.Join(", ", AllowedTypes.Keys)} files are accepted."
            : length is <= 0
                ? "The file is empty."
                : length > maxBytes
                    ? $"The file is larger than {maxBytes} bytes."
                    : !IsValidFolder(folder)
                        ? "The folder may only hold lower-case letters, digits, '-' and '/'."
                        : null;
        return error is null;
    }

    /// <summary>Lower-case segments joined by '/': nothing that can climb out of the media root.</summary>
    public static bool IsValidFolder([NotNullWhen(true)] string? folder) => folder is not null && Folder().IsMatch(folder);

    public static bool IsVideo(string contentType) => contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}(/[a-z0-9][a-z0-9-]{0,63}){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Folder();
}
