using System.Security.Claims;
using Fashionistas.Silo.Staff;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>An event's door staff (managed by its organizer or an admin), and the events a person works the door of.</summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/events/{id:guid}/staff").WithTags("Check-in")
            .RequireAuthorization(Policies.Organizer).ForEventManagers();
        staff.MapGet("/", List);
        staff.MapPost("/", Add).Validates<StaffRequest>().Answers(Status404NotFound);
        staff.MapDelete("/{userId:guid}", Remove);
        app.MapGet("/api/me/door-events", Mine).WithTags("Check-in").RequireAuthorization();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<StaffMember>>> List(Guid id, EventStaff staff, CancellationToken cancellationToken) =>
        TypedResults.Ok(await staff.ListAsync(id, cancellationToken));

    private static async Task<Results<Ok<StaffMember>, ProblemHttpResult>> Add(
        Guid id, StaffRequest request, ClaimsPrincipal user, EventStaff staff, CancellationToken cancellationToken)
    {
        var member = await staff.AddAsync(id, request.Email!.Trim(), user.TryUserId(), cancellationToken);
        return member is null
            ? Problems.NotFound("No account with this e-mail: ask them to register first.")
            : TypedResults.Ok(member);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid id, Guid userId, ClaimsPrincipal user, EventStaff staff, CancellationToken cancellationToken) =>
        await staff.RemoveAsync(id, userId, user.TryUserId(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("This person is not on the event's door staff.");

    private static async Task<Ok<IReadOnlyList<StaffedEvent>>> Mine(ClaimsPrincipal user, EventStaff staff, CancellationToken cancellationToken) =>
        TypedResults.Ok(await staff.EventsOfAsync(user.UserId(), cancellationToken));
}
