using Microsoft.AspNetCore.SignalR;

namespace Fashionistas.Web.Live;

/// <summary>
/// Logs the live hub's failed calls by what they are. A <see cref="HubException"/> is an expected refusal (no such
/// event, not the organizer, not signed in, busy): its message goes to the client and it is logged at Information.
/// Anything else is a server fault, logged at Error. SignalR's own dispatcher would log both at Error, so its category
/// (<see cref="DispatcherCategory"/>) is filtered out by <see cref="LiveServiceCollectionExtensions.AddLiveUpdates"/>.
/// </summary>
public sealed class LiveHubFilter(ILogger<LiveHubFilter> logger) : IHubFilter
{
    /// <summary>The logger category of SignalR's hub dispatcher, whose "Failed to invoke hub method" this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            logger.LogInformation(
                "Live hub refused {HubMethod} for connection {ConnectionId} (user {UserId}): {Reason}",
                invocationContext.HubMethodName, invocationContext.Context.ConnectionId, invocationContext.Context.UserIdentifier, refused.Message);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(
                exception, "Live hub method {HubMethod} failed for connection {ConnectionId}", invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }
}
