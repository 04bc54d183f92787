using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Security;

/// <summary>The smaller findings of the security probe, each as it was seen: paging, holds, webhooks, registration.</summary>
public sealed class ProbeFindingsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task PagingExtremesAnswer400OnEveryPagedRoute()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var admin = await api.AdminTokenAsync();
        var routes = new (string Path, string? Token)[]
        {
            ("/api/events", null),
            ("/api/me/events", organizer.Token),
            ($"/api/events/{show.Id}/orders", organizer.Token),
            ("/api/users", admin),
            ("/api/sponsors", organizer.Token),
            ("/api/designers", null),
            ("/api/models", null),
        };
        var extremes = new[]
        {
            "page=21474838&pageSize=100", "page=2147483647&pageSize=1", "page=100001", "page=0", "page=-1",
            "pageSize=0", "pageSize=101", "pageSize=-2147483648", "page=99999999999",
        };

        var wrong = new List<string>();
        foreach (var (path, token) in routes)
        {
            using var client = api.Client(token);
            foreach (var query in extremes)
            {
                using var response = await client.GetAsync($"{path}?{query}");
                if (response.StatusCode != HttpStatusCode.BadRequest || await ProblemAnswers.DescribeIfNotProblemAsync(response) is not null)
                {
                    wrong.Add($"{path}?{query}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task ReleasingSomeoneElsesHoldAnswersAsIfItDidNotExistAndKeepsIt()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var buyer = await api.CreateUserAsync();
        var stranger = await api.CreateUserAsync();
        using var buyerClient = api.Client(buyer.Token);
        using var held = await buyerClient.PostAsJsonAsync($"/api/ticket-types/{show.TicketTypeIds[0]}/holds", new { quantity = 2 });
        var holdId = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("holdId").GetGuid();
        using var strangerClient = api.Client(stranger.Token);

        using var theirs = await strangerClient.DeleteAsync($"/api/holds/{holdId}");
        using var missing = await strangerClient.DeleteAsync($"/api/holds/{Guid.NewGuid()}");
        var hold = await buyerClient.GetFromJsonAsync<JsonElement>($"/api/holds/{holdId}");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(missing.StatusCode, theirs.StatusCode);
        Assert.Equal(await TitleAsync(missing), await TitleAsync(theirs));
        Assert.Equal("active", hold.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AWebhookRefusalSaysOnlyThatTheSignatureIsNotValid()
    {
        using var client = api.Client();
        using var body = new StringContent("""{"id":"evt_1","type":"payment_intent.succeeded"}""", System.Text.Encoding.UTF8, "application/json");
        body.Headers.Add("Stripe-Signature", "t=1,v1=00");

        using var refused = await client.PostAsync("/api/webhooks/stripe", body);
        var text = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("NotConfigured", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("detail", text, StringComparison.Ordinal);
        Assert.Equal("The webhook signature is not valid.", JsonDocument.Parse(text).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task RegisteringATakenEmailAnswersExactlyAsANewOneAndChangesNothing()
    {
        var owner = await api.CreateUserAsync(name: "Dueña");
        using var client = api.Client();

        using var fresh = await client.PostAsJsonAsync("/api/auth/register",
            new { email = $"nueva-{Guid.NewGuid():N}@fashionistas.test", password = "Clave-nueva-123", displayName = "Nueva" });
        using var taken = await client.PostAsJsonAsync("/api/auth/register",
            new { email = owner.Email.ToUpperInvariant(), password = "Clave-intrusa-123", displayName = "Intrusa" });

        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        Assert.Null(taken.Headers.Location);
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        Assert.Equal("Dueña", await connection.ExecuteScalarAsync<string>(
            "SELECT display_name FROM users WHERE lower(email) = lower(@email)", new { email = owner.Email }));
        Assert.NotEmpty(await api.LoginAsync(owner.Email, owner.Password));
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
}
