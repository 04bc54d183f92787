using System.Security.Cryptography;
using System.Text;
using Fashionistas.Silo.Media;
using Fashionistas.Silo.Media.Cloudinary;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Integrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Media;

public sealed class CloudinaryMediaStoreTests
{
    private const string Secret = "cloudinary-secret";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

    [Fact]
    public async Task AnImageIsUploadedAsASignedMultipartRequestAndTheCdnUrlIsReturned()
    {
        await using var cloudinary = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, """
            {
              "asset_id": "b5e6d2b39ba3e0869d67141ba7dba6cf", "public_id": "fashionistas/designers/3f2a/abc",
              "version": 1767225600, "format": "jpg", "resource_type": "image", "bytes": 5,
              "secure_url": "https://res.cloudinary.com/demo/image/upload/v1767225600/fashionistas/designers/3f2a/abc.jpg"
            }
            """));
        using var services = Services(cloudinary);

        var stored = await services.GetRequiredService<IMediaStore>().SaveAsync(
            new MediaUpload(new MemoryStream([0xFF, 0xD8, 0xFF, 4, 5]), "look.jpg", "image/jpeg", "designers/3f2a"),
            CancellationToken.None);

        var request = Assert.Single(cloudinary.Requests);
        Assert.Equal("/v1_1/demo/image/upload", request.Path);
        var fields = request.MultipartFields;
        Assert.Equal("key-123", fields["api_key"]);
        Assert.Equal("1767225600", fields["timestamp"]);
        Assert.Matches("^fashionistas/designers/3f2a/[0-9a-f]{32}$", fields["public_id"]);
        var expected = Convert.ToHexStringLower(SHA1.HashData(
            Encoding.UTF8.GetBytes($"public_id={fields["public_id"]}&timestamp=1767225600{Secret}")));
        Assert.Equal(expected, fields["signature"]);
        var file = Assert.Single(request.Files);
        Assert.Equal("file", file.Name);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 4, 5 }, file.Content);
        Assert.Equal("https://res.cloudinary.com/demo/image/upload/v1767225600/fashionistas/designers/3f2a/abc.jpg", stored.Url);
        Assert.Equal("fashionistas/designers/3f2a/abc", stored.PublicId);
        Assert.Equal(5, stored.Bytes);
    }

    [Fact]
    public async Task VideosGoToTheVideoEndpoint()
    {
        await using var cloudinary = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(
            200, """{ "public_id": "fashionistas/shows/x", "secure_url": "https://res.cloudinary.com/demo/video/upload/x.mp4", "bytes": 3 }"""));
        using var services = Services(cloudinary);

        await services.GetRequiredService<IMediaStore>().SaveAsync(
            new MediaUpload(new MemoryStream([0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', 1]), "runway.mp4", "video/mp4", "shows"), CancellationToken.None);

        Assert.Equal("/v1_1/demo/video/upload", Assert.Single(cloudinary.Requests).Path);
    }

    [Theory]
    [InlineData(401, false)]
    [InlineData(400, false)]
    [InlineData(500, true)]
    [InlineData(429, true)]
    public async Task ErrorsSayWhetherTryingAgainCanHelp(int status, bool transient)
    {
        await using var cloudinary = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(status, """{ "error": { "message": "Invalid Signature" } }"""));
        using var services = Services(cloudinary);

        var exception = await Assert.ThrowsAsync<MediaStoreException>(() => services.GetRequiredService<IMediaStore>().SaveAsync(
            new MediaUpload(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a.png", "image/png", "events"), CancellationToken.None));

        Assert.Equal(transient, exception.IsTransient);
        Assert.Contains("Invalid Signature", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeletionIsASignedDestroyRequestThatAlsoInvalidatesTheCdn()
    {
        await using var cloudinary = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, """{ "result": "ok" }"""));
        using var services = Services(cloudinary);

        var deleted = await services.GetRequiredService<IMediaStore>().DeleteAsync(
            "fashionistas/collections/3f2a/abc", "image/jpeg", CancellationToken.None);

        Assert.True(deleted);
        var request = Assert.Single(cloudinary.Requests);
        Assert.Equal("/v1_1/demo/image/destroy", request.Path);
        var form = request.Form;
        Assert.Equal("fashionistas/collections/3f2a/abc", form["public_id"]);
        Assert.Equal("1767225600", form["timestamp"]);
        Assert.Equal("true", form["invalidate"]);
        Assert.Equal("key-123", form["api_key"]);
        var expected = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(
            $"invalidate=true&public_id=fashionistas/collections/3f2a/abc&timestamp=1767225600{Secret}")));
        Assert.Equal(expected, form["signature"]);
    }

    [Fact]
    public async Task DeletingAVideoGoesToTheVideoEndpointAndAFileAlreadyGoneIsNoError()
    {
        await using var cloudinary = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, """{ "result": "not found" }"""));
        using var services = Services(cloudinary);

        var deleted = await services.GetRequiredService<IMediaStore>().DeleteAsync("fashionistas/shows/x", "video/mp4", CancellationToken.None);

        Assert.False(deleted);
        Assert.Equal("/v1_1/demo/video/destroy", Assert.Single(cloudinary.Requests).Path);
    }

    [Theory]
    [InlineData(401, false)]
    [InlineData(500, true)]
    [InlineData(429, true)]
    public async Task AFailedDeletionSaysWhetherTryingAgainCanHelp(int status, bool transient)
    {
        await using var cloudinary = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(status, """{ "error": { "message": "Invalid Signature" } }"""));
        using var services = Services(cloudinary);

        var exception = await Assert.ThrowsAsync<MediaStoreException>(() => services.GetRequiredService<IMediaStore>().DeleteAsync(
            "fashionistas/collections/3f2a/abc", "image/png", CancellationToken.None));

        Assert.Equal(transient, exception.IsTransient);
    }

    [Fact]
    public void TheSignatureSortsParametersAndAppendsTheSecret() =>
        // echo -n "public_id=sample&timestamp=1315060510abcd" | sha1sum
        Assert.Equal(
            "c3470533147774275dd37996cc4d0e68fd03cd4f",
            CloudinarySignature.Sign(
                [new("timestamp", "1315060510"), new("public_id", "sample")], "abcd"));

    private static ServiceProvider Services(ScriptedHttpServer cloudinary) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new ManualTimeProvider(Now))
            .AddMedia(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Media:Cloudinary:CloudName"] = "demo",
                ["Media:Cloudinary:ApiKey"] = "key-123",
                ["Media:Cloudinary:ApiSecret"] = Secret,
                ["Media:Cloudinary:BaseUrl"] = cloudinary.BaseAddress.ToString(),
            }).Build())
            .BuildServiceProvider(validateScopes: true);
}
