using Fashionistas.Silo.Media;

namespace Fashionistas.Tests.Media;

public sealed class MediaUploadRulesTests
{
    private const long Max = 1_000;

    [Theory]
    [InlineData("image/jpeg", 10L, "designers/3f2a")]
    [InlineData("IMAGE/PNG", 1_000L, "events")]
    [InlineData("video/mp4", null, "shows/spring-2026/runway")]
    public void AcceptableUploadsPass(string contentType, long? length, string folder) =>
        Assert.True(MediaUploadRules.TryValidate(contentType, length, folder, Max, out _));

    [Theory]
    [InlineData("application/x-msdownload", 10L, "designers")]
    [InlineData("image/svg+xml", 10L, "designers")]
    [InlineData("image/jpeg", 0L, "designers")]
    [InlineData("image/jpeg", 1_001L, "designers")]
    [InlineData("image/jpeg", 10L, "../etc")]
    [InlineData("image/jpeg", 10L, "/absolute")]
    [InlineData("image/jpeg", 10L, "Designers")]
    [InlineData("image/jpeg", 10L, "designers//x")]
    [InlineData("image/jpeg", 10L, "")]
    public void UnacceptableUploadsAreRefusedWithAReason(string contentType, long? length, string folder)
    {
        Assert.False(MediaUploadRules.TryValidate(contentType, length, folder, Max, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
