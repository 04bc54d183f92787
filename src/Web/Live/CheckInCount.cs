namespace Fashionistas.Web.Live;

/// <summary>An event's check-in total as last reported, and when.</summary>
public sealed record CheckInCount(int Count, DateTimeOffset At);
