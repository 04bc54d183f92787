using System.Security.Claims;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>
/// Sponsorship packages and what sponsors get: the event's organizer (or an admin) adds benefits and marks them
/// delivered; a sponsor account reads only its own sponsor's figures; an organizer lists their sponsors' CRM state
/// (admins: every sponsor).
/// </summary>
public static class SponsorPackagesApi
{
    public static IEndpointRouteBuilder MapSponsorPackagesApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/events/{id:guid}").WithTags("Sponsors")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        manage.MapGet("/sponsor-benefits", Benefits);
        manage.MapPost("/sponsors/{sponsorId:guid}/benefits", AddBenefit).Validates<SponsorBenefitRequest>();
        manage.MapPut("/sponsors/{sponsorId:guid}/benefits/{benefitId:guid}/delivered", Deliver);

        app.MapGet("/api/me/sponsor/figures", Figures).WithTags("Sponsors").RequireAuthorization(IndustryPolicies.Sponsor);
        app.MapGet("/api/sponsors/crm-state", CrmState).WithTags("Sponsors").RequireAuthorization(Policies.Organizer);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SponsorBenefit>>> Benefits(Guid id, SponsorFiguresStore figures, CancellationToken cancellationToken) =>
        TypedResults.Ok(await figures.BenefitsOfEventAsync(id, cancellationToken));

    private static async Task<Results<Created<SponsorBenefit>, ProblemHttpResult>> AddBenefit(
        Guid id, Guid sponsorId, SponsorBenefitRequest request, SponsorFiguresStore figures, CancellationToken cancellationToken) =>
        await figures.AddBenefitAsync(id, sponsorId, request.Kind!, request.Description!.Trim(), cancellationToken) is { } benefit
            ? TypedResults.Created($"/api/events/{id}/sponsors/{sponsorId}/benefits/{benefit.Id}", benefit)
            : Problems.NotFound("This sponsor does not sponsor this event.");

    private static async Task<Results<Ok<SponsorBenefit>, ProblemHttpResult>> Deliver(
        Guid id, Guid sponsorId, Guid benefitId, SponsorFiguresStore figures, CancellationToken cancellationToken) =>
        await figures.DeliverAsync(id, sponsorId, benefitId, cancellationToken) is { } benefit
            ? TypedResults.Ok(benefit)
            : Problems.NotFound("No such benefit in this sponsorship.");

    private static async Task<Results<Ok<SponsorFiguresResponse>, ProblemHttpResult>> Figures(
        ClaimsPrincipal user, SponsorStore sponsors, SponsorFiguresStore figures, CancellationToken cancellationToken) =>
        await sponsors.SponsorOfMemberAsync(user.UserId(), cancellationToken) is { } sponsor
            ? TypedResults.Ok(new SponsorFiguresResponse(sponsor, await figures.FiguresAsync(sponsor.Id, cancellationToken)))
            : Problems.NotFound("Your account is not linked to a sponsor yet.");

    private static async Task<Ok<IReadOnlyList<SponsorSyncState>>> CrmState(
        ClaimsPrincipal user, SponsorFiguresStore figures, CancellationToken cancellationToken) =>
        TypedResults.Ok(await figures.SyncStatesAsync(user.IsAdmin() ? null : user.UserId(), cancellationToken));
}
