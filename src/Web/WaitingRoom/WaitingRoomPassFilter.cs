using Fashionistas.Silo.WaitingRoom;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.WaitingRoom;

/// <summary>
/// Guards a purchase route with <see cref="WaitingRoomGate"/>. The route value <c>routeParameter</c> is an event or a ticket type
/// (<see cref="WaitingRoomScope"/>); an id that names nothing passes through, and the route answers its own 404.
/// </summary>
internal sealed class WaitingRoomPassFilter(WaitingRoomScope scope, string routeParameter, WaitingRoomGate gate, TicketTypeEvents ticketTypes) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue(routeParameter)?.ToString(), out var id))
        {
            return Problems.NotFound("No such route target.");
        }

        var eventId = scope == WaitingRoomScope.Event ? id : await ticketTypes.EventOfAsync(id, http.RequestAborted);
        if (eventId is null)
        {
            return await next(context);
        }

        if (!await gate.IsOnAsync(eventId.Value))
        {
            return await next(context);
        }

        if (gate.Refusal(eventId.Value, http.User, http.Request.Headers[WaitingRoomGate.PassHeader]) is { } refusal)
        {
            return refusal;
        }

        var result = await next(context);
        if ((result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
        {
            gate.Served(eventId.Value, http.User);
        }

        return result;
    }
}
