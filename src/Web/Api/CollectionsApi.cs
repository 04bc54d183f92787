using System.Security.Claims;
using Fashionistas.Silo.Industry;
using Fashionistas.Silo.Media;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Designers' collections and their images. Anyone reads; the designer creates; the owning designer (or an admin)
/// edits, deletes and uploads images (multipart/form-data, field <c>file</c>, optional <c>caption</c>).
/// </summary>
public static class CollectionsApi
{
    public static IEndpointRouteBuilder MapCollectionsApi(this IEndpointRouteBuilder app)
    {
        var collections = app.MapGroup("/api/collections").WithTags("Collections");
        collections.MapGet("/{id:guid}", Get).Answers(Status404NotFound);
        collections.MapPost("/", Create).Validates<CollectionRequest>().RequireAuthorization(IndustryPolicies.Designer).Answers(Status409Conflict);
        collections.MapPut("/{id:guid}", Update).Validates<CollectionRequest>().RequireAuthorization().Answers(Status403Forbidden, Status404NotFound);
        collections.MapDelete("/{id:guid}", Delete).RequireAuthorization().Answers(Status403Forbidden, Status404NotFound);
        collections.MapPost("/{id:guid}/images", Upload).RequireAuthorization()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).Answers(Status403Forbidden, Status404NotFound, Status502BadGateway);
        collections.MapDelete("/{id:guid}/images/{imageId:guid}", DeleteImage).RequireAuthorization().Answers(Status403Forbidden, Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> Get(
        Guid id, CollectionStore collections, DesignerStore designers, CancellationToken cancellationToken)
    {
        var collection = await collections.FindAsync(id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("No such collection.");
        }

        var designer = await designers.FindAsync(collection.DesignerId, cancellationToken);
        return TypedResults.Ok(new CollectionResponse(
            collection, designer?.BrandName ?? string.Empty, await collections.ImagesAsync(id, cancellationToken)));
    }

    private static async Task<Results<Created<Collection>, ProblemHttpResult>> Create(
        CollectionRequest request, ClaimsPrincipal user, CollectionStore collections, CancellationToken cancellationToken)
    {
        var collection = await collections.CreateAsync(user.UserId(), request.ToFields(), cancellationToken);
        return collection is null
            ? Problems.Conflict("Create your designer profile first (PUT /api/me/designer).")
            : TypedResults.Created($"/api/collections/{collection.Id}", collection);
    }

    private static async Task<Results<Ok<Collection>, ProblemHttpResult>> Update(
        Guid id, CollectionRequest request, ClaimsPrincipal user, CollectionStore collections, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, user, collections, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await collections.UpdateAsync(id, request.ToFields(), cancellationToken) is { } updated
            ? TypedResults.Ok(updated)
            : Problems.NotFound("No such collection.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, ClaimsPrincipal user, CollectionStore collections, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, user, collections, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await collections.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("No such collection.");
    }

    private static async Task<Results<Created<FashionImage>, ProblemHttpResult, ValidationProblem>> Upload(
        Guid id, HttpContext http, CollectionStore collections, IMediaStore media, IOptions<MediaOptions> options,
        CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, http.User, collections, cancellationToken) is { } refused)
        {
            return refused;
        }

        var upload = await UploadReceiver.ReceiveAsync(http, media, options.Value.MaxBytes, $"collections/{id:N}", cancellationToken);
        if (upload.Invalid is not null)
        {
            return upload.Invalid;
        }

        if (upload.Failed is not null)
        {
            return upload.Failed;
        }

        var image = await collections.AddImageAsync(id, upload.Stored!, upload.Caption, http.User.UserId(), cancellationToken);
        return image is null
            ? Problems.NotFound("No such collection.")
            : TypedResults.Created($"/api/collections/{id}/images/{image.Id}", image);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteImage(
        Guid id, Guid imageId, ClaimsPrincipal user, CollectionStore collections, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id, user, collections, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await collections.DeleteImageAsync(id, imageId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("No such image in this collection.");
    }

    /// <summary>Null when the caller may change the collection; otherwise the 404 or 403 to answer.</summary>
    private static async Task<ProblemHttpResult?> EditableAsync(
        Guid id, ClaimsPrincipal user, CollectionStore collections, CancellationToken cancellationToken)
    {
        var collection = await collections.FindAsync(id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("No such collection.");
        }

        return user.IsAdmin() || collection.DesignerId == user.UserId() ? null : Problems.Forbidden("This is not your collection.");
    }
}
