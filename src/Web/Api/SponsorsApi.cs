using System.Security.Claims;
using Fashionistas.Silo.Industry;
using Fashionistas.Web.Api.Contracts.Industry;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Sponsor organizations, each its creator's: an organizer lists, reads, edits, links sponsor-role users to, and attaches
/// to their events only the sponsors they created (another organizer's answer 404, as if absent); admins see all.
/// Event sponsorships (the event's organizer or an admin), and a sponsor user's own view. Every write is synced to the
/// CRM through the outbox.
/// </summary>
public static class SponsorsApi
{
    public static IEndpointRouteBuilder MapSponsorsApi(this IEndpointRouteBuilder app)
    {
        var sponsors = app.MapGroup("/api/sponsors").WithTags("Sponsors").RequireAuthorization(Policies.Organizer);
        sponsors.MapGet("/", List);
        sponsors.MapPost("/", Create).Validates<SponsorRequest>().Answers(Status409Conflict);
        sponsors.MapGet("/{id:guid}", Get).Answers(Status404NotFound);
        sponsors.MapPut("/{id:guid}", Update).Validates<SponsorRequest>().Answers(Status403Forbidden, Status404NotFound, Status409Conflict);
        sponsors.MapPut("/{id:guid}/members/{userId:guid}", LinkMember).Answers(Status403Forbidden, Status404NotFound, Status409Conflict);

        app.MapGet("/api/me/sponsor", Mine).WithTags("Sponsors").RequireAuthorization(IndustryPolicies.Sponsor).Answers(Status404NotFound);

        var sponsorships = app.MapGroup("/api/events/{id:guid}/sponsors").WithTags("Sponsors")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        sponsorships.MapPut("/{sponsorId:guid}", Sponsor).Validates<SponsorshipRequest>();
        sponsorships.MapDelete("/{sponsorId:guid}", EndSponsorship);
        return app;
    }

    private static Task<Results<Ok<PagedResponse<Sponsor>>, ValidationProblem>> List(
        ClaimsPrincipal user, SponsorStore sponsors, CancellationToken cancellationToken, int page = 1, int pageSize = 20) =>
        PagedLists.ListAsync(page, pageSize,
            (p, size, ct) => sponsors.ListAsync(user.IsAdmin() ? null : user.UserId(), p, size, ct), cancellationToken);

    private static async Task<Results<Created<Sponsor>, ProblemHttpResult>> Create(
        SponsorRequest request, ClaimsPrincipal user, SponsorStore sponsors, CancellationToken cancellationToken) =>
        await sponsors.CreateAsync(request.ToFields(), user.UserId(), cancellationToken) is { } sponsor
            ? TypedResults.Created($"/api/sponsors/{sponsor.Id}", sponsor)
            : Problems.Conflict("A sponsor with this name already exists.");

    private static async Task<Results<Ok<SponsorResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, SponsorStore sponsors, CancellationToken cancellationToken) =>
        await OwnedAsync(id, user, sponsors, cancellationToken) is { } sponsor
            ? TypedResults.Ok(new SponsorResponse(sponsor, await sponsors.SponsorshipsAsync(id, cancellationToken)))
            : Problems.NotFound("No such sponsor.");

    private static async Task<Results<Ok<Sponsor>, ProblemHttpResult>> Update(
        Guid id, SponsorRequest request, ClaimsPrincipal user, SponsorStore sponsors, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(id, user, sponsors, cancellationToken) is null)
        {
            return Problems.NotFound("No such sponsor.");
        }

        var (status, sponsor) = await sponsors.UpdateAsync(id, request.ToFields(), cancellationToken);
        return status switch
        {
            SponsorWriteStatus.Done => TypedResults.Ok(sponsor!),
            SponsorWriteStatus.NameTaken => Problems.Conflict("A sponsor with this name already exists."),
            _ => Problems.NotFound("No such sponsor."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LinkMember(
        Guid id, Guid userId, ClaimsPrincipal user, SponsorStore sponsors, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(id, user, sponsors, cancellationToken) is null)
        {
            return Problems.NotFound("No such sponsor.");
        }

        return await sponsors.LinkMemberAsync(id, userId, cancellationToken) switch
        {
            MemberLinkStatus.Linked => TypedResults.NoContent(),
            MemberLinkStatus.NoSuchSponsor => Problems.NotFound("No such sponsor."),
            MemberLinkStatus.NoSuchUser => Problems.NotFound("No such user."),
            _ => Problems.Conflict("Only users with the sponsor role can act for a sponsor."),
        };
    }

    private static async Task<Results<Ok<SponsorResponse>, ProblemHttpResult>> Mine(
        ClaimsPrincipal user, SponsorStore sponsors, CancellationToken cancellationToken) =>
        await sponsors.SponsorOfMemberAsync(user.UserId(), cancellationToken) is { } sponsor
            ? TypedResults.Ok(new SponsorResponse(sponsor, await sponsors.SponsorshipsAsync(sponsor.Id, cancellationToken)))
            : Problems.NotFound("Your account is not linked to a sponsor yet.");

    private static async Task<Results<Ok<Sponsorship>, ProblemHttpResult>> Sponsor(
        Guid id, Guid sponsorId, SponsorshipRequest request, ClaimsPrincipal user, SponsorStore sponsors,
        CancellationToken cancellationToken) =>
        await OwnedAsync(sponsorId, user, sponsors, cancellationToken) is not null &&
        await sponsors.UpsertSponsorshipAsync(id, sponsorId, request.Tier!, request.Contribution ?? 0, cancellationToken) is { } sponsorship
            ? TypedResults.Ok(sponsorship)
            : Problems.NotFound("No such sponsor.");

    private static async Task<Results<NoContent, ProblemHttpResult>> EndSponsorship(
        Guid id, Guid sponsorId, SponsorStore sponsors, CancellationToken cancellationToken) =>
        await sponsors.RemoveSponsorshipAsync(id, sponsorId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("This sponsor does not sponsor this event.");

    /// <summary>
    /// The sponsor when the caller may use it (its creator, or an admin); null when it does not exist or is another
    /// organizer's, which callers answer alike with 404 so ids of other tenants' sponsors confirm nothing.
    /// </summary>
    private static async Task<Sponsor?> OwnedAsync(Guid id, ClaimsPrincipal user, SponsorStore sponsors, CancellationToken cancellationToken) =>
        await sponsors.FindAsync(id, cancellationToken) is { } sponsor && (user.IsAdmin() || sponsor.CreatedBy == user.UserId())
            ? sponsor
            : null;
}
