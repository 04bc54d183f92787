using System.Text.Json;
using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Media.Cloudinary;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Media;

/// <summary>
/// Delivers <see cref="OutboxKinds.MediaDelete"/>, written in the transaction that deleted the file's row, so a failed
/// or slow deletion never undoes or blocks the database change and is retried with backoff. The store is the one that
/// saved the file: an absolute URL was Cloudinary's, an app-relative one the local disk's. A Cloudinary file while
/// Cloudinary is no longer configured cannot be reached: it is parked for a person.
/// </summary>
public sealed class MediaDeleteOutboxHandler(
    LocalDiskMediaStore local,
    CloudinaryMediaStore cloudinary,
    IOptions<MediaOptions> options,
    ILogger<MediaDeleteOutboxHandler> logger) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.MediaDelete];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (publicId, url, contentType) = Read(message.Payload);
        if (publicId is null || contentType is null)
        {
            throw new OutboxPermanentFailureException($"A media deletion without publicId or contentType: {message.Payload}");
        }

        var inCloudinary = HttpUrls.IsAbsoluteHttp(url);
        if (inCloudinary && !options.Value.Cloudinary.IsConfigured)
        {
            throw new OutboxPermanentFailureException($"{publicId} is stored in Cloudinary, which is not configured.");
        }

        IMediaStore store = inCloudinary ? cloudinary : local;
        try
        {
            var deleted = await store.DeleteAsync(publicId, contentType, cancellationToken);
            if (!deleted)
            {
                logger.LogInformation("Stored file {PublicId} was already gone", publicId);
            }
        }
        catch (MediaStoreException exception) when (!exception.IsTransient)
        {
            throw new OutboxPermanentFailureException(exception.Message, exception);
        }
    }

    private static (string? PublicId, string? Url, string? ContentType) Read(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return (Text(root, "publicId"), Text(root, "url"), Text(root, "contentType"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
