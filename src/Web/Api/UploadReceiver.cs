using Fashionistas.Silo.Media;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Fashionistas.Web.Api;

/// <summary>
/// Receives one uploaded file (multipart/form-data, field <c>file</c>, optional <c>caption</c>), checks its type and
/// size, and saves it in the media store (local disk or Cloudinary): shared by collection looks and model portfolios.
/// </summary>
internal static class UploadReceiver
{
    private const int MaxCaption = 300;

    /// <summary>Room for the multipart boundaries, part headers and caption around the file itself.</summary>
    private const long MultipartOverheadBytes = 64 * 1024;

    public static async Task<ReceivedUpload> ReceiveAsync(
        HttpContext http, IMediaStore media, long maxBytes, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(media);

        // The API's default body limit is for JSON; an upload may be as large as the media store accepts.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + MultipartOverheadBytes;
        }

        var request = http.Request;
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("file", "Send multipart/form-data with the file in a field named 'file'.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException malformed)
        {
            return Invalid("file", $"The multipart body is malformed: {malformed.Message}");
        }

        var file = form.Files.GetFile("file");
        var caption = form["caption"].ToString().OrNull();
        if (file is null)
        {
            return Invalid("file", "Send the file in a field named 'file'.");
        }

        if (caption is { Length: > MaxCaption })
        {
            return Invalid("caption", $"caption must be at most {MaxCaption} characters.");
        }

        if (!MediaUploadRules.TryValidate(file.ContentType, file.Length, folder, maxBytes, out var error))
        {
            return Invalid("file", error);
        }

        try
        {
            await using var content = file.OpenReadStream();
            if (!await MediaSignatures.MatchesAsync(file.ContentType, content, cancellationToken))
            {
                return new ReceivedUpload(null, null, null, TypedResults.Problem(
                    title: MediaSignatures.Mismatch(file.ContentType), statusCode: StatusCodes.Status415UnsupportedMediaType));
            }

            var stored = await media.SaveAsync(new MediaUpload(content, file.FileName, file.ContentType, folder), cancellationToken);
            return new ReceivedUpload(stored, caption, null, null);
        }
        catch (ArgumentException rejected)
        {
            return Invalid("file", rejected.Message);
        }
        catch (MediaStoreException failed)
        {
            return new ReceivedUpload(null, null, null, TypedResults.Problem(
                title: failed.IsTransient ? "The media service is unavailable; please retry." : "The media service refused the file.",
                statusCode: failed.IsTransient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway));
        }
    }

    private static ReceivedUpload Invalid(string field, string message) =>
        new(null, null, Problems.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }), null);
}
