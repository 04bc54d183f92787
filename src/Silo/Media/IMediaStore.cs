namespace Fashionistas.Silo.Media;

/// <summary>
/// Where designer portfolios, look-books and event images go. Callers check the upload with
/// <see cref="MediaUploadRules.TryValidate"/> first (a bad upload is an answer to the user, not an
/// error); the store re-checks and throws <see cref="ArgumentException"/> for anything that slipped by.
/// </summary>
public interface IMediaStore
{
    Task<StoredMedia> SaveAsync(MediaUpload upload, CancellationToken cancellationToken);
}
