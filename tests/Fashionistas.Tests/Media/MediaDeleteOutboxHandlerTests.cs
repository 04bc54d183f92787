using Fashionistas.Silo.Media;
using Fashionistas.Silo.Outbox;
using Fashionistas.Tests.Integrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Media;

/// <summary>The outbox side of removing files: which store, and which failures are retried or parked.</summary>
public sealed class MediaDeleteOutboxHandlerTests
{
    private const string CloudinaryImage = """
        { "publicId": "fashionistas/collections/3f2a/abc", "url": "https://res.cloudinary.com/demo/image/upload/v1/fashionistas/collections/3f2a/abc.jpg", "contentType": "image/jpeg" }
        """;

    [Fact]
    public async Task AFileWithACdnUrlIsDestroyedInCloudinary()
    {
        await using var cloudinary = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, """{ "result": "ok" }"""));
        using var services = Services(cloudinary);

        await Handler(services).HandleAsync(Message(CloudinaryImage), CancellationToken.None);

        var request = Assert.Single(cloudinary.Requests);
        Assert.Equal("/v1_1/demo/image/destroy", request.Path);
        Assert.Equal("fashionistas/collections/3f2a/abc", request.Form["public_id"]);
    }

    [Fact]
    public async Task ACloudinaryOutageIsRetriedAndARefusalIsParked()
    {
        await using var down = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(503, """{ "error": { "message": "Unavailable" } }"""));
        using (var services = Services(down))
        {
            var retried = await Assert.ThrowsAsync<MediaStoreException>(() => Handler(services).HandleAsync(Message(CloudinaryImage), CancellationToken.None));
            Assert.True(retried.IsTransient);
        }

        await using var refusing = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(401, """{ "error": { "message": "Invalid Signature" } }"""));
        using (var services = Services(refusing))
        {
            await Assert.ThrowsAsync<OutboxPermanentFailureException>(() => Handler(services).HandleAsync(Message(CloudinaryImage), CancellationToken.None));
        }
    }

    [Fact]
    public async Task ACloudinaryFileWithCloudinaryNoLongerConfiguredIsParked()
    {
        using var services = Services(cloudinary: null);

        await Assert.ThrowsAsync<OutboxPermanentFailureException>(() => Handler(services).HandleAsync(Message(CloudinaryImage), CancellationToken.None));
    }

    private static IOutboxHandler Handler(ServiceProvider services) =>
        Assert.Single(services.GetServices<IOutboxHandler>(), h => h.Kinds.Contains(OutboxKinds.MediaDelete));

    private static OutboxMessage Message(string payload) => new(1, OutboxKinds.MediaDelete, payload, 1);

    private static ServiceProvider Services(ScriptedHttpServer? cloudinary)
    {
        var settings = new Dictionary<string, string?> { ["Media:Local:RootPath"] = Path.Combine(Path.GetTempPath(), "fashionistas-media-unused") };
        if (cloudinary is not null)
        {
            settings["Media:Cloudinary:CloudName"] = "demo";
            settings["Media:Cloudinary:ApiKey"] = "key-123";
            settings["Media:Cloudinary:ApiSecret"] = "secret";
            settings["Media:Cloudinary:BaseUrl"] = cloudinary.BaseAddress.ToString();
        }

        return new ServiceCollection()
            .AddLogging()
            .AddMedia(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(validateScopes: true);
    }
}
