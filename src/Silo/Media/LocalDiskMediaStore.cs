using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Media;

/// <summary>
/// The built-in store: files under <see cref="LocalMediaOptions.RootPath"/>, named by a fresh GUID
/// (never by the uploader's file name), published by an atomic rename so a half-written file is
/// never served. The web host serves the folder at <see cref="LocalMediaOptions.PublicPath"/>. Deleting removes the
/// file (never anything outside the folder).
/// </summary>
public sealed class LocalDiskMediaStore(IOptions<MediaOptions> options, ILogger<LocalDiskMediaStore> logger) : IMediaStore
{
    private const int BufferSize = 81_920;

    public async Task<StoredMedia> SaveAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var settings = options.Value;
        if (!MediaUploadRules.TryValidate(
                upload.ContentType, KnownLength(upload.Content), upload.Folder, settings.MaxBytes, out var error))
        {
            throw new ArgumentException(error, nameof(upload));
        }

        var name = Guid.NewGuid().ToString("N") + MediaUploadRules.AllowedTypes[upload.ContentType];
        var publicId = upload.Folder + "/" + name;
        var directory = Path.Combine(Path.GetFullPath(settings.Local.RootPath), Path.Combine(upload.Folder.Split('/')));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var partial = path + ".partial";
        long written;
        try
        {
            await using (var file = new FileStream(
                partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                written = await CopyBoundedAsync(upload.Content, file, settings.MaxBytes, cancellationToken);
            }

            if (written == 0)
            {
                throw new ArgumentException("The file is empty.", nameof(upload));
            }

            // Whatever route called, a file is only published as the type its bytes are.
            await using (var stored = new FileStream(partial, FileMode.Open, FileAccess.Read, FileShare.None, BufferSize, useAsync: true))
            {
                if (!await MediaSignatures.MatchesAsync(upload.ContentType, stored, cancellationToken))
                {
                    throw new ArgumentException(MediaSignatures.Mismatch(upload.ContentType), nameof(upload));
                }
            }

            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        logger.LogInformation("Stored {Bytes} bytes of {ContentType} as {PublicId}", written, upload.ContentType, publicId);
        return new StoredMedia(
            publicId,
            settings.Local.PublicPath.TrimEnd('/') + "/" + publicId,
            written,
            upload.ContentType.ToLowerInvariant());
    }

    public Task<bool> DeleteAsync(string publicId, string contentType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicId);
        var root = Path.GetFullPath(options.Value.Local.RootPath);
        var path = Path.GetFullPath(Path.Combine(root, Path.Combine(publicId.Split('/'))));

        // Ids come from our own rows, but a path that leaves the media folder is never deleted.
        if (!path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            logger.LogWarning("Not deleting {PublicId}: it is outside the media folder", publicId);
            return Task.FromResult(false);
        }

        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException exception)
        {
            throw new MediaStoreException($"The file {publicId} could not be deleted.", isTransient: true, exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new MediaStoreException($"The file {publicId} may not be deleted.", isTransient: false, exception);
        }

        logger.LogInformation("Deleted stored file {PublicId}", publicId);
        return Task.FromResult(true);
    }

    internal static long? KnownLength(Stream content) => content.CanSeek ? content.Length - content.Position : null;

    private static async Task<long> CopyBoundedAsync(
        Stream source, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new ArgumentException($"The file is larger than {maxBytes} bytes.", nameof(source));
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }
}
