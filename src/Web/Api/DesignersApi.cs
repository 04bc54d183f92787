using System.Security.Claims;
using Fashionistas.Silo.Catalog;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>Designer profiles: public reads; a designer writes only their own (<c>/api/me/designer</c>).</summary>
public static class DesignersApi
{
    public static IEndpointRouteBuilder MapDesignersApi(this IEndpointRouteBuilder app)
    {
        var designers = app.MapGroup("/api/designers").WithTags("Designers");
        designers.MapGet("/", List);
        designers.MapGet("/{id:guid}", Get).Answers(Status404NotFound);
        designers.MapGet("/{id:guid}/shows", PublicShows);

        var mine = app.MapGroup("/api/me/designer").WithTags("Designers").RequireAuthorization(IndustryPolicies.Designer);
        mine.MapGet("/", GetMine).Answers(Status404NotFound);
        mine.MapPut("/", Save).Validates<DesignerProfileRequest>();
        mine.MapDelete("/", Delete).Answers(Status404NotFound);
        mine.MapGet("/shows", Shows);
        return app;
    }

    private static Task<Results<Ok<PagedResponse<DesignerProfile>>, ValidationProblem>> List(
        DesignerStore designers, CancellationToken cancellationToken, int page = 1, int pageSize = 20) =>
        PagedLists.ListAsync(page, pageSize, designers.ListAsync, cancellationToken);

    private static async Task<Results<Ok<DesignerResponse>, ProblemHttpResult>> Get(
        Guid id, DesignerStore designers, CollectionStore collections, CancellationToken cancellationToken)
    {
        var profile = await designers.FindAsync(id, cancellationToken);
        return profile is null
            ? Problems.NotFound("No such designer.")
            : TypedResults.Ok(new DesignerResponse(profile, await collections.ListByDesignerAsync(id, cancellationToken)));
    }

    /// <summary>The public events showing the designer's collections (accepted), for their public page.</summary>
    private static async Task<Ok<List<ShowAppearance>>> PublicShows(Guid id, LineupStore lineups, CancellationToken cancellationToken) =>
        TypedResults.Ok((await lineups.ShowsOfDesignerAsync(id, cancellationToken))
            .Where(show => EventCatalog.PublicStatuses.Contains(show.Status)).ToList());

    private static async Task<Results<Ok<DesignerResponse>, ProblemHttpResult>> GetMine(
        ClaimsPrincipal user, DesignerStore designers, CollectionStore collections, CancellationToken cancellationToken)
    {
        var id = user.UserId();
        var profile = await designers.FindAsync(id, cancellationToken);
        return profile is null
            ? Problems.NotFound("You have no designer profile yet: PUT /api/me/designer creates it.")
            : TypedResults.Ok(new DesignerResponse(profile, await collections.ListByDesignerAsync(id, cancellationToken)));
    }

    private static async Task<Ok<DesignerProfile>> Save(
        DesignerProfileRequest request, ClaimsPrincipal user, DesignerStore designers, CancellationToken cancellationToken) =>
        TypedResults.Ok(await designers.UpsertAsync(user.UserId(), request.ToFields(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        ClaimsPrincipal user, DesignerStore designers, CancellationToken cancellationToken) =>
        await designers.DeleteAsync(user.UserId(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("You have no designer profile.");

    private static async Task<Ok<IReadOnlyList<ShowAppearance>>> Shows(
        ClaimsPrincipal user, LineupStore lineups, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lineups.ShowsOfDesignerAsync(user.UserId(), cancellationToken));
}
