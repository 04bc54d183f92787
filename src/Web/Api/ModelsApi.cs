using System.Security.Claims;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>Model profiles: public reads; a model writes only their own (<c>/api/me/model</c>).</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models");
        models.MapGet("/", List);
        models.MapGet("/{id:guid}", Get).Answers(Status404NotFound);

        var mine = app.MapGroup("/api/me/model").WithTags("Models").RequireAuthorization(IndustryPolicies.Model);
        mine.MapGet("/", GetMine).Answers(Status404NotFound);
        mine.MapPut("/", Save).Validates<ModelProfileRequest>();
        mine.MapDelete("/", Delete).Answers(Status404NotFound);
        mine.MapGet("/shows", Shows);
        return app;
    }

    private static Task<Results<Ok<PagedResponse<ModelProfile>>, ValidationProblem>> List(
        ModelStore models, CancellationToken cancellationToken, int page = 1, int pageSize = 20) =>
        PagedLists.ListAsync(page, pageSize, models.ListAsync, cancellationToken);

    private static async Task<Results<Ok<ModelProfile>, ProblemHttpResult>> Get(
        Guid id, ModelStore models, CancellationToken cancellationToken) =>
        await models.FindAsync(id, cancellationToken) is { } profile ? TypedResults.Ok(profile) : Problems.NotFound("No such model.");

    private static async Task<Results<Ok<ModelProfile>, ProblemHttpResult>> GetMine(
        ClaimsPrincipal user, ModelStore models, CancellationToken cancellationToken) =>
        await models.FindAsync(user.UserId(), cancellationToken) is { } profile
            ? TypedResults.Ok(profile)
            : Problems.NotFound("You have no model profile yet: PUT /api/me/model creates it.");

    private static async Task<Ok<ModelProfile>> Save(
        ModelProfileRequest request, ClaimsPrincipal user, ModelStore models, CancellationToken cancellationToken) =>
        TypedResults.Ok(await models.UpsertAsync(user.UserId(), request.ToFields(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        ClaimsPrincipal user, ModelStore models, CancellationToken cancellationToken) =>
        await models.DeleteAsync(user.UserId(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("You have no model profile.");

    private static async Task<Ok<IReadOnlyList<ShowAppearance>>> Shows(
        ClaimsPrincipal user, LineupStore lineups, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lineups.ShowsOfModelAsync(user.UserId(), cancellationToken));
}
