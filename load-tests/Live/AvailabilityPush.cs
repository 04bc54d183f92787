namespace Fashionistas.LoadTests.Live;

/// <summary>An "availability" push as a watcher received it: the server's snapshot time and counters, and arrival time.</summary>
public readonly record struct AvailabilityPush(DateTimeOffset ReceivedAt, DateTimeOffset At, Guid TicketTypeId, int Available, int Held, int Sold, int Capacity);
