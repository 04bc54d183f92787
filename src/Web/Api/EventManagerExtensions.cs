namespace Fashionistas.Web.Api;

public static class EventManagerExtensions
{
    /// <summary>Only the event's organizer or an admin passes (see <see cref="EventManagerFilter"/>).</summary>
    public static RouteGroupBuilder ForEventManagers(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<EventManagerFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
