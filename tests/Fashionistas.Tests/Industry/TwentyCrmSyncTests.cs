using System.Net;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Industry;

/// <summary>Sponsors reach Twenty CRM through the outbox: documented REST shape, ids stored back, outages retried.</summary>
public sealed class TwentyCrmSyncTests(TwentyApiFactory api) : IClassFixture<TwentyApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACreatedSponsorBecomesATwentyCompanyAndContactAndKeepsTheirIds()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var name = $"Joyas del Caribe {Guid.NewGuid():N}";
        var sponsor = await api.SponsorAsync(organizer, name);
        Assert.Equal(1L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE kind = 'crm.sponsor.upsert' AND payload ->> 'sponsorId' = $1", sponsor.ToString()));

        Assert.True(await Eventually.TrueAsync(
            async () => await api.ScalarAsync<bool>("SELECT crm_person_id IS NOT NULL FROM sponsors WHERE id = $1", sponsor), Patience));

        var calls = api.Twenty.Requests.Where(r => r.Body.Contains(name, StringComparison.Ordinal) || r.Body.Contains("camila@marca.co", StringComparison.Ordinal)).ToList();
        var company = Assert.Single(calls, r => r.Path == "/rest/companies");
        Assert.Equal("POST", company.Method);
        Assert.Equal($"Bearer {TwentyApiFactory.ApiKey}", company.Header("Authorization"));
        using var companyBody = JsonDocument.Parse(company.Body);
        Assert.Equal(name, companyBody.RootElement.GetProperty("name").GetString());
        Assert.Equal("COP", companyBody.RootElement.GetProperty("annualRecurringRevenue").GetProperty("currencyCode").GetString());

        var read = await api.GetAsync($"/api/sponsors/{sponsor}", organizer.Token);
        var companyId = read.GetProperty("sponsor").GetProperty("crmCompanyId").GetString();
        Assert.NotNull(companyId);
        var person = Assert.Single(api.Twenty.Requests, r => r.Path == "/rest/people" && r.Body.Contains(companyId, StringComparison.Ordinal));
        using var personBody = JsonDocument.Parse(person.Body);
        Assert.Equal("Camila", personBody.RootElement.GetProperty("name").GetProperty("firstName").GetString());
        Assert.Equal("Restrepo", personBody.RootElement.GetProperty("name").GetProperty("lastName").GetString());
        Assert.Equal("camila@marca.co", personBody.RootElement.GetProperty("emails").GetProperty("primaryEmail").GetString());
        Assert.Equal("+57 300 123 4567", personBody.RootElement.GetProperty("phones").GetProperty("primaryPhoneNumber").GetString());
        Assert.Equal(read.GetProperty("sponsor").GetProperty("crmPersonId").GetString(),
            TwentyApiFactory.IdOf(api.Twenty.Requests.ToList().IndexOf(person) + 1));
    }

    [Fact]
    public async Task ASponsorshipUpdatesTheSameCompanyWithTheCommittedTotal()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var sponsor = await api.SponsorAsync(organizer);
        Assert.True(await Eventually.TrueAsync(
            async () => await api.ScalarAsync<bool>("SELECT crm_company_id IS NOT NULL FROM sponsors WHERE id = $1", sponsor), Patience));
        var companyId = await api.ScalarAsync<string>("SELECT crm_company_id FROM sponsors WHERE id = $1", sponsor);

        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{sponsor}", new { tier = "title", contribution = 80_000_000 });

        Assert.True(await Eventually.TrueAsync(() => api.Twenty.Requests.Any(r => r.Method == "PATCH" && r.Path == $"/rest/companies/{companyId}"), Patience));
        var patch = api.Twenty.Requests.First(r => r.Method == "PATCH" && r.Path == $"/rest/companies/{companyId}");
        using var body = JsonDocument.Parse(patch.Body);
        Assert.Equal(80_000_000_000_000m, body.RootElement.GetProperty("annualRecurringRevenue").GetProperty("amountMicros").GetDecimal());
        Assert.Equal(companyId, await api.ScalarAsync<string>("SELECT crm_company_id FROM sponsors WHERE id = $1", sponsor));
    }

    [Fact]
    public async Task ATwentyOutageDelaysTheSyncButNeverLosesIt()
    {
        var organizer = await api.CreateUserAsync("organizer");
        api.FailWith = 503;
        Guid sponsor;
        try
        {
            sponsor = await api.SponsorAsync(organizer);
            Assert.True(await Eventually.TrueAsync(
                async () => await api.ScalarAsync<bool>(
                    "SELECT bool_or(last_error LIKE '%503%') IS TRUE FROM outbox WHERE payload ->> 'sponsorId' = $1", sponsor.ToString()),
                Patience));
            Assert.True(await api.ScalarAsync<bool>("SELECT crm_company_id IS NULL FROM sponsors WHERE id = $1", sponsor));
        }
        finally
        {
            api.FailWith = null;
        }

        Assert.True(await Eventually.TrueAsync(
            async () => await api.ScalarAsync<bool>("SELECT crm_company_id IS NOT NULL FROM sponsors WHERE id = $1", sponsor), Patience));
    }
}
