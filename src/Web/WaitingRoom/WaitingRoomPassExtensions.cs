namespace Fashionistas.Web.WaitingRoom;

public static class WaitingRoomPassExtensions
{
    /// <summary>
    /// While the event's waiting room is on, only callers with their admission pass pass (see <see cref="WaitingRoomGate"/>).
    /// <paramref name="routeParameter"/> names the route value holding the event or ticket type id.
    /// </summary>
    public static RouteHandlerBuilder RequireWaitingRoomPass(this RouteHandlerBuilder route, WaitingRoomScope scope, string routeParameter = "id") =>
        route.AddEndpointFilterFactory((factory, next) =>
            {
                var filter = ActivatorUtilities.CreateInstance<WaitingRoomPassFilter>(factory.ApplicationServices, scope, routeParameter);
                return context => filter.InvokeAsync(context, next);
            })
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static IServiceCollection AddWaitingRoomGate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueuePassOptions>().Bind(configuration.GetSection(QueuePassOptions.Section));
        services.AddSingleton<QueuePasses>();
        services.AddSingleton<WaitingRoomGate>();
        return services;
    }
}
