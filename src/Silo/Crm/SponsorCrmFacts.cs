namespace Fashionistas.Silo.Crm;

/// <summary>What the CRM is told about a sponsor: its details, the ids Twenty gave it, and its total committed contribution (COP).</summary>
public sealed record SponsorCrmFacts(
    Guid Id, string Name, string? ContactName, string? ContactEmail, string? Phone, string Tier,
    string? CrmCompanyId, string? CrmPersonId, long TotalContribution);
