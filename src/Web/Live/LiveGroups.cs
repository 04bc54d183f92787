namespace Fashionistas.Web.Live;

/// <summary>SignalR group names: everyone watching an event, and the organizers watching its dashboard.</summary>
public static class LiveGroups
{
    public static string Event(Guid eventId) => $"event:{eventId}";

    public static string Dashboard(Guid eventId) => $"dashboard:{eventId}";
}
