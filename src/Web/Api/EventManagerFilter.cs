using Fashionistas.Grains.Contracts;
using Orleans;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api;

/// <summary>
/// Routes on one event (<c>{id}</c>) that only its organizer or an admin may use: 404 when the caller may not even
/// see the event, 403 when they see it but do not manage it.
/// </summary>
internal sealed class EventManagerFilter(IGrainFactory grains) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var eventId))
        {
            return Problems.NotFound("No such event.");
        }

        var snapshot = await grains.GetGrain<IEventGrain>(eventId).Get();
        if (snapshot is null || !http.User.CanSee(snapshot))
        {
            return Problems.NotFound("No such event.");
        }

        return http.User.CanManage(snapshot.OrganizerId)
            ? await next(context)
            : Problems.Forbidden("You do not manage this event.");
    }
}
