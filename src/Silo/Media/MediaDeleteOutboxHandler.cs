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
        var (publicId, contentType) = (message.TextOf("publicId"), message.TextOf("contentType"));
        if (publicId is null || contentType is null)
        {
            throw new OutboxPermanentFailureException($"A media deletion without publicId or contentType: {message.Payload}");
        }

        var inCloudinary = HttpUrls.IsAbsoluteHttp(message.TextOf("url"));
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
}
