namespace Fashionistas.Silo.Industry;

/// <summary>A sponsor organization; the CRM ids are Twenty's, null until synced.</summary>
public sealed record Sponsor(
    Guid Id, string Name, string? ContactName, string? ContactEmail, string? Phone, string Tier, Guid? CreatedBy,
    string? CrmCompanyId, string? CrmPersonId);
