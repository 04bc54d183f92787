using System.Net;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Industry;

/// <summary>Collection images through the local media store: uploaded as multipart, served back as stored.</summary>
public sealed class CollectionImageTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task AnUploadedImageIsServedBackByteIdentical()
    {
        var designer = await api.DesignerAsync();
        var collection = await api.CollectionAsync(designer);
        var bytes = Png(20_000);

        var image = await UploadAsync(designer.Token, collection, bytes, "image/png", "Look 1: vestido de guacamayas");
        Assert.Equal(HttpStatusCode.Created, image.Status);
        var url = image.Body.GetProperty("url").GetString()!;
        Assert.StartsWith("/media/collections/", url, StringComparison.Ordinal);
        Assert.Equal(bytes.Length, image.Body.GetProperty("bytes").GetInt64());

        using var client = api.Client();
        using var served = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());

        var read = await api.GetAsync($"/api/collections/{collection}");
        var listed = Assert.Single(read.GetProperty("images").EnumerateArray());
        Assert.Equal(url, listed.GetProperty("url").GetString());
        Assert.Equal("Look 1: vestido de guacamayas", listed.GetProperty("caption").GetString());
        Assert.Equal("Casa Bogotá", read.GetProperty("brandName").GetString());
    }

    [Fact]
    public async Task OnlyTheOwnerUploadsAndRemovesImages()
    {
        var owner = await api.DesignerAsync();
        var rival = await api.DesignerAsync("Otra casa");
        var collection = await api.CollectionAsync(owner);

        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(rival.Token, collection, Png(100), "image/png")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(null, collection, Png(100), "image/png")).Status);
        var image = (await UploadAsync(owner.Token, collection, Png(100), "image/png")).Body.GetProperty("id").GetGuid();

        await api.SendAsync(rival.Token, HttpMethod.Delete, $"/api/collections/{collection}/images/{image}", expected: HttpStatusCode.Forbidden);
        await api.SendAsync(owner.Token, HttpMethod.Delete, $"/api/collections/{collection}/images/{image}", expected: HttpStatusCode.NoContent);
        Assert.Empty((await api.GetAsync($"/api/collections/{collection}")).GetProperty("images").EnumerateArray());
    }

    [Fact]
    public async Task DeletingAnImageRemovesItsStoredFileAfterTheCommit()
    {
        var designer = await api.DesignerAsync();
        var collection = await api.CollectionAsync(designer);
        var kept = await StoredFileAsync(designer, collection);
        var upload = await UploadAsync(designer.Token, collection, Png(300), "image/png");
        var image = upload.Body.GetProperty("id").GetGuid();
        var file = FileOf(upload.Body);
        Assert.True(File.Exists(file));

        await api.SendAsync(designer.Token, HttpMethod.Delete, $"/api/collections/{collection}/images/{image}", expected: HttpStatusCode.NoContent);

        Assert.True(await Eventually.TrueAsync(() => !File.Exists(file), FileWait), "The deleted image's file is still stored.");
        Assert.True(File.Exists(kept), "Another image's file was removed.");
        Assert.True(await Eventually.TrueAsync(() => ProcessedDeletionsAsync(upload.Body, 1), FileWait));
    }

    [Fact]
    public async Task DeletingACollectionRemovesTheFilesOfAllItsImages()
    {
        var designer = await api.DesignerAsync();
        var collection = await api.CollectionAsync(designer);
        var files = new[] { await StoredFileAsync(designer, collection), await StoredFileAsync(designer, collection) };
        var other = await StoredFileAsync(designer, await api.CollectionAsync(designer));

        await api.SendAsync(designer.Token, HttpMethod.Delete, $"/api/collections/{collection}", expected: HttpStatusCode.NoContent);

        Assert.True(await Eventually.TrueAsync(() => files.All(f => !File.Exists(f)), FileWait), "A deleted collection's file is still stored.");
        Assert.True(File.Exists(other), "Another collection's file was removed.");
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM fashion_images WHERE collection_id = $1", collection));
    }

    [Fact]
    public async Task DeletingADesignerProfileRemovesTheFilesOfItsCollections()
    {
        var designer = await api.DesignerAsync();
        var file = await StoredFileAsync(designer, await api.CollectionAsync(designer));

        await api.SendAsync(designer.Token, HttpMethod.Delete, "/api/me/designer", expected: HttpStatusCode.NoContent);

        Assert.True(await Eventually.TrueAsync(() => !File.Exists(file), FileWait), "The deleted designer's file is still stored.");
    }

    [Fact]
    public async Task AFileAlreadyGoneDoesNotStopTheDeletion()
    {
        var designer = await api.DesignerAsync();
        var collection = await api.CollectionAsync(designer);
        var upload = await UploadAsync(designer.Token, collection, Png(300), "image/png");
        File.Delete(FileOf(upload.Body));

        await api.SendAsync(
            designer.Token, HttpMethod.Delete, $"/api/collections/{collection}/images/{upload.Body.GetProperty("id").GetGuid()}",
            expected: HttpStatusCode.NoContent);

        Assert.True(await Eventually.TrueAsync(() => ProcessedDeletionsAsync(upload.Body, 1), FileWait));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM fashion_images WHERE collection_id = $1", collection));
    }

    [Theory]
    [InlineData("text/html", 100)]
    [InlineData("application/octet-stream", 100)]
    [InlineData("image/png", 0)]
    [InlineData("image/png", IndustryApiFactory.MaxUploadBytes + 1)]
    public async Task AFileOfTheWrongTypeOrSizeIsRefusedAndNothingIsStored(string contentType, long length)
    {
        var designer = await api.DesignerAsync();
        var collection = await api.CollectionAsync(designer);

        var answer = await UploadAsync(designer.Token, collection, new byte[length], contentType);

        Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, answer.Status.ToString());
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM fashion_images WHERE collection_id = $1", collection));
        var folder = Path.Combine(api.MediaRoot, "collections", collection.ToString("N"));
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    /// <summary>How long the outbox (polling every 100 ms in this fixture) may take to remove a file.</summary>
    private static readonly TimeSpan FileWait = TimeSpan.FromSeconds(10);

    private async Task<string> StoredFileAsync(TestUser designer, Guid collection)
    {
        var upload = await UploadAsync(designer.Token, collection, Png(200), "image/png");
        Assert.Equal(HttpStatusCode.Created, upload.Status);
        var file = FileOf(upload.Body);
        Assert.True(File.Exists(file));
        return file;
    }

    /// <summary>Whether the image's file deletion was delivered (processed without error) exactly <paramref name="count"/> times.</summary>
    private async Task<bool> ProcessedDeletionsAsync(JsonElement image, long count) =>
        await api.ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE kind = 'media.delete' AND processed_at IS NOT NULL AND last_error IS NULL AND payload ->> 'url' = $1",
            image.GetProperty("url").GetString()!) == count;

    /// <summary>Where the local store keeps an uploaded image (its URL is /media/ + its public id).</summary>
    [Theory]
    [InlineData("image/png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("image/jpeg", "<html><script>alert(1)</script></html>")]
    [InlineData("image/gif", "GIF-ish but not a GIF header")]
    [InlineData("video/mp4", "just some text pretending to be a video")]
    public async Task BytesThatAreNotTheDeclaredTypeAreRefusedWith415AndNothingIsStored(string contentType, string content)
    {
        var designer = await api.DesignerAsync();
        var collection = await api.CollectionAsync(designer);

        var answer = await UploadAsync(designer.Token, collection, System.Text.Encoding.UTF8.GetBytes(content), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM fashion_images WHERE collection_id = $1", collection));
        var folder = Path.Combine(api.MediaRoot, "collections", collection.ToString("N"));
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    private string FileOf(JsonElement image) =>
        Path.Combine(api.MediaRoot, image.GetProperty("url").GetString()!["/media/".Length..]);

    private static byte[] Png(int length) => IndustryCalls.Png(length);

    private Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> UploadAsync(
        string? token, Guid collection, byte[] bytes, string contentType, string? caption = null) =>
        api.UploadAsync(token, $"/api/collections/{collection}/images", bytes, contentType, caption);
}
