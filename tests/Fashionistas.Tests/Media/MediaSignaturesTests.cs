using Fashionistas.Silo.Media;

namespace Fashionistas.Tests.Media;

public sealed class MediaSignaturesTests
{
    public static TheoryData<string, byte[]> Genuine => new()
    {
        { "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'] },
        { "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] },
        { "image/gif", "GIF89a\x01\x00\x01\x00"u8.ToArray() },
        { "IMAGE/GIF", "GIF87a\x01\x00\x01\x00"u8.ToArray() },
        { "image/webp", "RIFF\x24\x00\x00\x00WEBPVP8 "u8.ToArray() },
        { "video/mp4", [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'] },
        { "video/webm", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m'] },
    };

    public static TheoryData<string, byte[]> Disguised => new()
    {
        { "image/png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray() },
        { "image/png", [0xFF, 0xD8, 0xFF, 0xE0] },
        { "image/jpeg", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] },
        { "image/jpeg", [0xFF, 0xD8] },
        { "image/webp", "RIFF\x24\x00\x00\x00WAVEfmt "u8.ToArray() },
        { "video/webm", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x88, (byte)'m', (byte)'a', (byte)'t', (byte)'r', (byte)'o', (byte)'s', (byte)'k', (byte)'a'] },
        { "video/mp4", "<html></html>"u8.ToArray() },
        { "image/svg+xml", "<svg/>"u8.ToArray() },
        { "image/gif", [] },
    };

    [Theory]
    [MemberData(nameof(Genuine))]
    public void AFileWhoseFirstBytesAreItsDeclaredTypeMatches(string contentType, byte[] head) =>
        Assert.True(MediaSignatures.Matches(contentType, head));

    [Theory]
    [MemberData(nameof(Disguised))]
    public void AFileWhoseFirstBytesAreAnotherTypeDoesNotMatch(string contentType, byte[] head) =>
        Assert.False(MediaSignatures.Matches(contentType, head));
}
