namespace Fashionistas.Web.WaitingRoom;

/// <summary>Where a waiting room is reached: its page and its API.</summary>
public static class QueueUrls
{
    public static string Page(Guid eventId) => $"/queue.html?event={eventId}";

    public static string Join(Guid eventId) => $"/api/events/{eventId}/queue";
}
