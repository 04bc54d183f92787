namespace Fashionistas.Silo.Industry;

/// <summary>
/// A sponsor as the organizer's list shows it, with its Twenty CRM state: the ids Twenty gave it (null until synced),
/// the last sync, and the outbox rows still waiting (with the last error when retrying).
/// </summary>
public sealed record SponsorSyncState(
    Guid Id, string Name, string Tier, string? CrmCompanyId, string? CrmPersonId, DateTime? CrmSyncedAt, int PendingSyncs, string? LastError);
