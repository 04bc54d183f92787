namespace Fashionistas.Silo.Media;

/// <summary>
/// Whether a file's first bytes are what its declared type says (magic numbers), so an upload declared as an image
/// cannot carry SVG, HTML or a script. Pure; the endpoint and the stores both ask it.
/// </summary>
public static class MediaSignatures
{
    /// <summary>Bytes to read from the start of a file to decide (WebM names its doc type within them).</summary>
    public const int HeadLength = 64;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] Webp = "WEBP"u8.ToArray();
    private static readonly byte[] Ftyp = "ftyp"u8.ToArray();
    private static readonly byte[] Ebml = [0x1A, 0x45, 0xDF, 0xA3];
    private static readonly byte[] WebmDocType = "webm"u8.ToArray();

    /// <summary>True when <paramref name="head"/> (the file's first up to <see cref="HeadLength"/> bytes) fits <paramref name="contentType"/>.</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> head) => contentType?.ToLowerInvariant() switch
    {
        "image/jpeg" => head.StartsWith(Jpeg),
        "image/png" => head.StartsWith(Png),
        "image/gif" => head.StartsWith(Gif87) || head.StartsWith(Gif89),
        "image/webp" => head.StartsWith(Riff) && head.Length >= 12 && head[8..12].SequenceEqual(Webp),
        "video/mp4" => head.Length >= 8 && head[4..8].SequenceEqual(Ftyp),
        "video/webm" => head.StartsWith(Ebml) && head.IndexOf(WebmDocType) > 0,
        _ => false,
    };

    /// <summary>Reads the head of <paramref name="content"/> (from its current position) and returns it there.</summary>
    public static async Task<bool> MatchesAsync(string contentType, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.Position;
        var head = new byte[HeadLength];
        var read = await content.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, cancellationToken);
        content.Position = start;
        return Matches(contentType, head.AsSpan(0, read));
    }

    /// <summary>What to tell the uploader when the bytes are not the declared type.</summary>
    public static string Mismatch(string contentType) => $"The file's content is not {contentType}: send the file as the type it is.";
}
