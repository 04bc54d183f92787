using System.Security.Claims;
using Fashionistas.Silo.Industry;
using Fashionistas.Silo.Media;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Api;

/// <summary>
/// Model portfolios: anyone sees a model's photos; a model uploads (multipart/form-data, field <c>file</c>, optional
/// <c>caption</c>) and removes only their own.
/// </summary>
public static class ModelPhotosApi
{
    public static IEndpointRouteBuilder MapModelPhotosApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models/{id:guid}/photos", List).WithTags("Models");

        var mine = app.MapGroup("/api/me/model/photos").WithTags("Models").RequireAuthorization(IndustryPolicies.Model);
        mine.MapPost("/", Upload).Accepts<IFormFile>("multipart/form-data").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        mine.MapDelete("/{photoId:guid}", Delete);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ModelPhoto>>> List(Guid id, ModelPhotoStore photos, CancellationToken cancellationToken) =>
        TypedResults.Ok(await photos.ListAsync(id, cancellationToken));

    private static async Task<Results<Created<ModelPhoto>, ProblemHttpResult, ValidationProblem>> Upload(
        HttpContext http, ModelStore models, ModelPhotoStore photos, IMediaStore media, IOptions<MediaOptions> options,
        CancellationToken cancellationToken)
    {
        var modelId = http.User.UserId();
        if (await models.FindAsync(modelId, cancellationToken) is null)
        {
            return Problems.Conflict("Create your model profile first (PUT /api/me/model).");
        }

        var upload = await UploadReceiver.ReceiveAsync(http, media, options.Value.MaxBytes, $"models/{modelId:N}", cancellationToken);
        if (upload.Invalid is not null)
        {
            return upload.Invalid;
        }

        if (upload.Failed is not null)
        {
            return upload.Failed;
        }

        var photo = await photos.AddAsync(modelId, upload.Stored!, upload.Caption, cancellationToken);
        return photo is null
            ? Problems.Conflict("Your model profile was deleted meanwhile.")
            : TypedResults.Created($"/api/models/{modelId}/photos", photo);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid photoId, ClaimsPrincipal user, ModelPhotoStore photos, CancellationToken cancellationToken) =>
        await photos.DeleteAsync(user.UserId(), photoId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("No such photo in your portfolio.");
}
