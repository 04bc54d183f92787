using Fashionistas.Silo.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Media;

public sealed class LocalDiskMediaStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "fashionistas-media-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AnImageIsStoredUnderItsFolderWithAFreshNameAndAnAppRelativeUrl()
    {
        using var services = Services();
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

        var stored = await services.GetRequiredService<IMediaStore>().SaveAsync(
            new MediaUpload(new MemoryStream(bytes), "../../evil name.png", "image/png", "designers/3f2a"),
            CancellationToken.None);

        Assert.Matches("^designers/3f2a/[0-9a-f]{32}\\.png$", stored.PublicId);
        Assert.Equal("/media/" + stored.PublicId, stored.Url);
        Assert.Equal(bytes.Length, stored.Bytes);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(root, stored.PublicId)));
    }

    [Fact]
    public async Task AnOversizedStreamOfUnknownLengthIsRefusedAndLeavesNoFileBehind()
    {
        using var services = Services(maxBytes: 100);

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IMediaStore>().SaveAsync(
            new MediaUpload(new UnseekableStream(new byte[500]), "big.jpg", "image/jpeg", "events"),
            CancellationToken.None));

        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task BytesThatAreNotTheDeclaredTypeAreRefusedAndLeaveNoFileBehind()
    {
        using var services = Services();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IMediaStore>().SaveAsync(
            new MediaUpload(new UnseekableStream(svg), "look.png", "image/png", "events"), CancellationToken.None));

        Assert.Contains("not image/png", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AForbiddenTypeIsRefusedBeforeAnythingIsWritten()
    {
        using var services = Services();

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IMediaStore>().SaveAsync(
            new MediaUpload(new MemoryStream([1, 2, 3]), "x.html", "text/html", "events"), CancellationToken.None));

        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public async Task ADeletedFileIsGoneAndDeletingItAgainSaysItWasNotThere()
    {
        using var services = Services();
        var store = services.GetRequiredService<IMediaStore>();
        var stored = await store.SaveAsync(
            new MediaUpload(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]), "look.png", "image/png", "collections/ab12"), CancellationToken.None);
        var kept = await store.SaveAsync(
            new MediaUpload(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 2]), "other.png", "image/png", "collections/ab12"), CancellationToken.None);

        Assert.True(await store.DeleteAsync(stored.PublicId, stored.ContentType, CancellationToken.None));
        Assert.False(await store.DeleteAsync(stored.PublicId, stored.ContentType, CancellationToken.None));

        Assert.False(File.Exists(Path.Combine(root, stored.PublicId)));
        Assert.True(File.Exists(Path.Combine(root, kept.PublicId)));
    }

    [Fact]
    public async Task APublicIdLeadingOutOfTheMediaFolderDeletesNothing()
    {
        // A file beside the media folder, named after it so parallel runs never share it.
        var name = Path.GetFileName(root) + "-outside.png";
        var outside = Path.Combine(Path.GetDirectoryName(root)!, name);
        Directory.CreateDirectory(root);
        await File.WriteAllBytesAsync(outside, [1]);
        try
        {
            using var services = Services();
            var store = services.GetRequiredService<IMediaStore>();

            Assert.False(await store.DeleteAsync("../" + name, "image/png", CancellationToken.None));
            Assert.False(await store.DeleteAsync("collections/../../" + name, "image/png", CancellationToken.None));
            Assert.True(File.Exists(outside));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private ServiceProvider Services(long maxBytes = 1_000_000) =>
        new ServiceCollection()
            .AddLogging()
            .AddMedia(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Media:Local:RootPath"] = root,
                ["Media:MaxBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build())
            .BuildServiceProvider(validateScopes: true);

    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
