namespace Fashionistas.Web.Live;

/// <summary>SignalR group names: everyone watching an event, the organizers watching its dashboard, the people in its waiting room.</summary>
public static class LiveGroups
{
    public static string Event(Guid eventId) => $"event:{eventId}";

    public static string Dashboard(Guid eventId) => $"dashboard:{eventId}";

    public static string Queue(Guid eventId) => $"queue:{eventId}";
}
