namespace Fashionistas.Silo.CheckIns;

/// <summary>Attendance of an event: tickets scanned at the door and valid tickets sold.</summary>
public sealed record CheckInSummary(Guid EventId, long CheckedIn, long Sold);
