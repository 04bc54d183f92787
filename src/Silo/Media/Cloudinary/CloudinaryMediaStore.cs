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
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(uri, form, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MediaStoreException("Cloudinary could not be reached.", isTransient: true, exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            using var document = TryParse(body);
            var root = document?.RootElement ?? default;
            if (!response.IsSuccessStatusCode)
            {
                var message = root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("error", out var failure)
                    && failure.TryGetProperty("message", out var text)
                        ? text.GetString()
                        : null;
                logger.LogWarning("Cloudinary refused an upload: HTTP {StatusCode} {ErrorMessage}", status, message);
                throw new MediaStoreException(
                    $"Cloudinary answered HTTP {status}: {message}",
                    isTransient: status is TooManyRequestsStatus or >= FirstServerErrorStatus);
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
