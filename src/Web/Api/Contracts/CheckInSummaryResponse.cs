namespace Fashionistas.Web.Api.Contracts;

/// <summary>Attendance so far: tickets scanned at the door out of valid tickets sold.</summary>
public sealed record CheckInSummaryResponse(Guid EventId, long CheckedIn, long Sold);
