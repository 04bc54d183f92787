namespace Fashionistas.Silo.Staff;

/// <summary>A person on an event's door staff.</summary>
public sealed record StaffMember(Guid UserId, string DisplayName, string Email, DateTimeOffset AddedAt);
