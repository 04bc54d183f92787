using System.Text.Json.Nodes;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Crm;

/// <summary>
/// Delivers <see cref="OutboxKinds.CrmSponsorUpsert"/>: reads the sponsor as it is now and creates or updates its Twenty
/// company (name; total committed contribution as <c>annualRecurringRevenue</c> in COP) and, when it has a contact,
/// the contact person linked to that company; the ids Twenty returns are stored on the sponsor. With Twenty not
/// configured (the default) the row is completed without a call, so turning the CRM on later starts from new changes.
/// </summary>
public sealed class CrmSponsorOutboxHandler(
    SponsorCrmStore sponsors,
    TwentyClient twenty,
    IOptions<TwentyOptions> options,
    TimeProvider time,
    ILogger<CrmSponsorOutboxHandler> logger) : IOutboxHandler
{
    private const long MicrosPerPeso = 1_000_000;

    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.CrmSponsorUpsert];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.Value.IsConfigured)
        {
            logger.LogDebug("CRM sync of {Payload} skipped: Crm:Twenty is not configured", message.Payload);
            return;
        }

        var sponsorId = message.IdOf("sponsorId");
        var sponsor = sponsorId == Guid.Empty ? null : await sponsors.FindAsync(sponsorId, cancellationToken);
        if (sponsor is null)
        {
            // Deleted since, or a malformed row: nothing left to tell the CRM.
            return;
        }

        var companyId = await twenty.SaveAsync("companies", sponsor.CrmCompanyId, Company(sponsor), cancellationToken);
        var personId = sponsor.CrmPersonId;
        if (!string.IsNullOrWhiteSpace(sponsor.ContactName) || !string.IsNullOrWhiteSpace(sponsor.ContactEmail))
        {
            personId = await twenty.SaveAsync("people", sponsor.CrmPersonId, Person(sponsor, companyId), cancellationToken);
        }

        await sponsors.SaveIdsAsync(sponsor.Id, companyId, personId, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Sponsor {SponsorId} synced to Twenty as company {CompanyId}", sponsor.Id, companyId);
    }

    private static JsonObject Company(SponsorCrmFacts sponsor) => new()
    {
        ["name"] = sponsor.Name,
        ["annualRecurringRevenue"] = new JsonObject
        {
            // decimal: a large total times a million must not overflow a long.
            ["amountMicros"] = (decimal)sponsor.TotalContribution * MicrosPerPeso,
            ["currencyCode"] = "COP",
        },
    };

    private static JsonObject Person(SponsorCrmFacts sponsor, string companyId)
    {
        var contact = (sponsor.ContactName ?? sponsor.ContactEmail ?? string.Empty).Trim();
        var space = contact.IndexOf(' ', StringComparison.Ordinal);
        var person = new JsonObject
        {
            ["name"] = new JsonObject
            {
                ["firstName"] = space < 0 ? contact : contact[..space],
                ["lastName"] = space < 0 ? string.Empty : contact[(space + 1)..].Trim(),
            },
            ["companyId"] = companyId,
        };
        if (!string.IsNullOrWhiteSpace(sponsor.ContactEmail))
        {
            person["emails"] = new JsonObject { ["primaryEmail"] = sponsor.ContactEmail };
        }

        if (!string.IsNullOrWhiteSpace(sponsor.Phone))
        {
            person["phones"] = new JsonObject { ["primaryPhoneNumber"] = sponsor.Phone };
        }

        return person;
    }
}
