namespace Fashionistas.Silo.Media;

/// <summary>
/// Where designer portfolios, look-books and event images go. Callers check the upload with
/// <see cref="MediaUploadRules.TryValidate"/> first (a bad upload is an answer to the user, not an
/// error); the store re-checks and throws <see cref="ArgumentException"/> for anything that slipped by.
/// </summary>
public interface IMediaStore
{
    Task<StoredMedia> SaveAsync(MediaUpload upload, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a stored file by its <see cref="StoredMedia.PublicId"/> (<paramref name="contentType"/> tells an image
    /// from a video); false when it was not there (already removed). Throws <see cref="MediaStoreException"/> when the
    /// service could not be asked; callers run it after their database change, through the outbox.
    /// </summary>
    Task<bool> DeleteAsync(string publicId, string contentType, CancellationToken cancellationToken);
}
