using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

/// <summary>The product always keeps an admin. Its own class: it takes the bootstrap admin's role away.</summary>
public sealed class LastAdminTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheLastAdminCannotBeDemotedEvenWhenTwoAdminsDemoteEachOtherAtOnce()
    {
        var first = await api.CreateUserAsync("admin");
        var second = await api.CreateUserAsync("admin");
        using var firstClient = api.Client(first.Token);
        using var secondClient = api.Client(second.Token);
        var bootstrapId = (await Me(api.Client(await api.AdminTokenAsync()))).GetProperty("id").GetGuid();
        using var demoteBootstrap = await firstClient.PutAsJsonAsync($"/api/users/{bootstrapId}/roles", new { roles = new[] { "attendee" } });
        Assert.Equal(HttpStatusCode.OK, demoteBootstrap.StatusCode);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? firstClient.PutAsJsonAsync($"/api/users/{second.Id}/roles", new { roles = new[] { "organizer" } })
            : secondClient.PutAsJsonAsync($"/api/users/{first.Id}/roles", new { roles = new[] { "organizer" } })));

        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        var admins = (await connection.QueryAsync<Guid>("SELECT user_id FROM user_roles WHERE role = 'admin'")).ToList();
        Assert.Single(admins);
        // The demoted one's later calls are refused: as the last admin's would-be demoter (409) or, once its own
        // demotion committed, for its token's stale rights (401).
        Assert.Contains(answers, a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Unauthorized);
        Assert.All(answers, a => Assert.True(
            a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.Unauthorized, a.StatusCode.ToString()));
        var last = admins[0] == first.Id ? first : second;
        using var lastClient = api.Client(await api.LoginAsync(last.Email, last.Password));
        using var selfDemotion = await lastClient.PutAsJsonAsync($"/api/users/{last.Id}/roles", new { roles = new[] { "attendee" } });
        Assert.Equal(HttpStatusCode.Conflict, selfDemotion.StatusCode);
        Assert.Equal("application/problem+json", selfDemotion.Content.Headers.ContentType?.MediaType);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private static async Task<JsonElement> Me(HttpClient client)
    {
        using (client)
        {
            return await client.GetFromJsonAsync<JsonElement>("/api/me");
        }
    }
}
