using System.Collections.Concurrent;
using System.Security.Claims;
using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.WaitingRoom;

/// <summary>
/// The one check every purchase route makes while an event's waiting room is on: the caller presents a valid admission
/// pass for that event, issued to them (header <see cref="PassHeader"/>). Refusals are 403 problem+json carrying the
/// <c>queueUrl</c> to join.
/// </summary>
public sealed class WaitingRoomGate(IGrainFactory grains, QueuePasses passes, TimeProvider time, IOptions<QueuePassOptions> options)
{
    public const string PassHeader = "Waiting-Room-Pass";

    private readonly ConcurrentDictionary<Guid, (bool Enabled, long Until)> switches = new();
    private readonly long cacheTicks = (long)(options.Value.GateCacheTime.TotalSeconds * time.TimestampFrequency);

    /// <summary>Whether the event's room is on, as this node last read it (see <see cref="QueuePassOptions.GateCacheTime"/>).</summary>
    public async ValueTask<bool> IsOnAsync(Guid eventId)
    {
        var now = time.GetTimestamp();
        if (switches.TryGetValue(eventId, out var known) && now < known.Until)
        {
            return known.Enabled;
        }

        var enabled = (await grains.GetGrain<IWaitingRoomGrain>(eventId).GetView()).Enabled;
        switches[eventId] = (enabled, now + cacheTicks);
        return enabled;
    }

    /// <summary>Drops what this node knows of the room (it was just switched on or off here).</summary>
    public void Forget(Guid eventId) => switches.TryRemove(eventId, out _);

    /// <summary>While the event's room is on (see <see cref="IsOnAsync"/>): null when the caller's pass lets them on; otherwise the refusal to answer.</summary>
    public ProblemHttpResult? Refusal(Guid eventId, ClaimsPrincipal user, string? pass)
    {
        ArgumentNullException.ThrowIfNull(user);
        var check = passes.Check(pass, eventId, user.UserId(), time.GetUtcNow());
        if (check == QueuePassCheck.Valid)
        {
            return null;
        }

        var detail = check switch
        {
            QueuePassCheck.Missing => "This sale has a waiting room: join the queue and send the admission pass you get in the Waiting-Room-Pass header.",
            QueuePassCheck.Expired => "Your admission pass has expired.",
            QueuePassCheck.NotYours => "This admission pass was issued to another account or event.",
            _ => "The admission pass is not valid.",
        };
        return TypedResults.Problem(
            title: "A waiting-room admission pass is required.",
            detail: detail,
            statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?>
            {
                ["queueUrl"] = QueueUrls.Page(eventId),
                ["joinUrl"] = QueueUrls.Join(eventId),
                ["pass"] = check.ToString().ToLowerInvariant(),
            });
    }

    /// <summary>Tells the room an admitted caller was served (the automatic rate lets the next one in).</summary>
    public void Served(Guid eventId, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _ = grains.GetGrain<IWaitingRoomGrain>(eventId).Served(user.UserId());
    }
}
