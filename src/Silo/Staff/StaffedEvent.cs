namespace Fashionistas.Silo.Staff;

/// <summary>An event where the user works the door.</summary>
public sealed record StaffedEvent(Guid EventId, string Name, string Venue, DateTimeOffset StartsAt, string Status);
