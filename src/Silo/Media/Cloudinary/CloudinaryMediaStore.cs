using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Media.Cloudinary;

/// <summary>
/// Cloudinary's Upload API: a signed multipart <c>POST {BaseUrl}/v1_1/{cloud}/{image|video}/upload</c>
/// with <c>file</c>, <c>api_key</c>, <c>timestamp</c>, <c>public_id</c> and <c>signature</c>. Answers the
/// CDN <c>secure_url</c>. Not retried here: the stream is consumed, and the user can simply upload again.
/// Deleting is a signed <c>POST {BaseUrl}/v1_1/{cloud}/{image|video}/destroy</c> with <c>public_id</c>,
/// <c>timestamp</c> and <c>invalidate=true</c> (the CDN's cached copies go too); the outbox retries it.
/// </summary>
public sealed class CloudinaryMediaStore(
    HttpClient http, IOptions<MediaOptions> options, TimeProvider timeProvider, ILogger<CloudinaryMediaStore> logger)
    : IMediaStore
{
    private const int TooManyRequestsStatus = 429;
    private const int FirstServerErrorStatus = 500;

    public async Task<StoredMedia> SaveAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var settings = options.Value;
        var cloudinary = settings.Cloudinary;
        if (!cloudinary.IsConfigured)
        {
            throw new MediaStoreException("Media:Cloudinary is not configured.", isTransient: false);
        }

        if (!MediaUploadRules.TryValidate(
                upload.ContentType, LocalDiskMediaStore.KnownLength(upload.Content), upload.Folder, settings.MaxBytes, out var error))
        {
            throw new ArgumentException(error, nameof(upload));
        }

        // Cloudinary decodes what it stores; a seekable upload (every form file is) is checked here as well.
        if (upload.Content.CanSeek && !await MediaSignatures.MatchesAsync(upload.ContentType, upload.Content, cancellationToken))
        {
            throw new ArgumentException(MediaSignatures.Mismatch(upload.ContentType), nameof(upload));
        }

        var resourceType = MediaUploadRules.IsVideo(upload.ContentType) ? "video" : "image";
        var signed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["public_id"] = $"{cloudinary.RootFolder.Trim('/')}/{upload.Folder}/{Guid.NewGuid():N}",
            ["timestamp"] = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };

        using var form = new MultipartFormDataContent();
        var file = new StreamContent(upload.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType.ToLowerInvariant());
        form.Add(file, "file", "upload" + MediaUploadRules.AllowedTypes[upload.ContentType]);
        form.Add(new StringContent(cloudinary.ApiKey!), "api_key");
        foreach (var (name, value) in signed)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(CloudinarySignature.Sign(signed, cloudinary.ApiSecret!)), "signature");

        var uri = new Uri(
            $"{cloudinary.BaseUrl.TrimEnd('/')}/v1_1/{Uri.EscapeDataString(cloudinary.CloudName!)}/{resourceType}/upload");
        var (status, root, document) = await PostAsync(uri, form, cancellationToken);
        using (document)
        {
            if (status is < 200 or > 299)
            {
                throw Refused("an upload", status, root);
            }

            var publicId = Read(root, "public_id");
            var url = Read(root, "secure_url");
            if (publicId is null || url is null)
            {
                throw new MediaStoreException("Cloudinary's answer has no public_id or secure_url.", isTransient: false);
            }

            var bytes = root.TryGetProperty("bytes", out var size) && size.TryGetInt64(out var value) ? value : 0;
            logger.LogInformation("Uploaded {Bytes} bytes to Cloudinary as {PublicId}", bytes, publicId);
            return new StoredMedia(publicId, url, bytes, upload.ContentType.ToLowerInvariant());
        }
    }

    public async Task<bool> DeleteAsync(string publicId, string contentType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicId);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var cloudinary = options.Value.Cloudinary;
        if (!cloudinary.IsConfigured)
        {
            throw new MediaStoreException("Media:Cloudinary is not configured.", isTransient: false);
        }

        var signed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invalidate"] = "true",
            ["public_id"] = publicId,
            ["timestamp"] = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        var form = new Dictionary<string, string>(signed, StringComparer.Ordinal)
        {
            ["api_key"] = cloudinary.ApiKey!,
            ["signature"] = CloudinarySignature.Sign(signed, cloudinary.ApiSecret!),
        };
        var resourceType = MediaUploadRules.IsVideo(contentType) ? "video" : "image";
        var uri = new Uri(
            $"{cloudinary.BaseUrl.TrimEnd('/')}/v1_1/{Uri.EscapeDataString(cloudinary.CloudName!)}/{resourceType}/destroy");
        using var content = new FormUrlEncodedContent(form);
        var (status, root, document) = await PostAsync(uri, content, cancellationToken);
        using (document)
        {
            if (status is < 200 or > 299)
            {
                throw Refused("a deletion", status, root);
            }

            // "ok" when destroyed, "not found" when it was gone already: both leave nothing stored.
            var result = Read(root, "result");
            if (result is not ("ok" or "not found"))
            {
                throw new MediaStoreException($"Cloudinary answered the deletion of {publicId} with result {result}.", isTransient: true);
            }

            logger.LogInformation("Deleted {PublicId} from Cloudinary: {Result}", publicId, result);
            return result == "ok";
        }
    }

    private async Task<(int Status, JsonElement Root, JsonDocument? Document)> PostAsync(
        Uri uri, HttpContent content, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(uri, content, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MediaStoreException("Cloudinary could not be reached.", isTransient: true, exception);
        }

        using (response)
        {
            var document = TryParse(await response.Content.ReadAsStringAsync(cancellationToken));
            return ((int)response.StatusCode, document?.RootElement ?? default, document);
        }
    }

    private MediaStoreException Refused(string what, int status, JsonElement root)
    {
        var message = root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("error", out var failure)
            && failure.TryGetProperty("message", out var text)
                ? text.GetString()
                : null;
        logger.LogWarning("Cloudinary refused {Request}: HTTP {StatusCode} {ErrorMessage}", what, status, message);
        return new MediaStoreException(
            $"Cloudinary answered HTTP {status}: {message}",
            isTransient: status is TooManyRequestsStatus or >= FirstServerErrorStatus);
    }

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Read(JsonElement root, string property) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
