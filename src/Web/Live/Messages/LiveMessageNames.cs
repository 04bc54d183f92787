using Fashionistas.Grains.Contracts;

namespace Fashionistas.Web.Live.Messages;

/// <summary>The hub's client methods (the SignalR "target" of each message the server sends).</summary>
public static class LiveMessageNames
{
    public const string Availability = "availability";

    public const string EventStatus = "eventStatus";

    public const string Dashboard = "dashboard";

    public const string Queue = "queue";
}
