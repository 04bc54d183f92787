using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

public sealed class UserAdminApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnAdminFindsPeopleByEmailOrNameAndFiltersByRole()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var designer = await api.CreateUserAsync("designer", name: $"Atelier {tag}");
        var attendee = await api.CreateUserAsync(name: $"Asistente {tag}");
        var other = await api.CreateUserAsync("designer");
        using var admin = api.Client(await api.AdminTokenAsync());

        var byName = await admin.GetFromJsonAsync<JsonElement>($"/api/users?search={tag}");
        var byRole = await admin.GetFromJsonAsync<JsonElement>($"/api/users?search={tag}&role=designer");
        var byEmail = await admin.GetFromJsonAsync<JsonElement>($"/api/users?search={Uri.EscapeDataString(other.Email.ToUpperInvariant())}");
        var wildcard = await admin.GetFromJsonAsync<JsonElement>("/api/users?search=%25_%25");

        Assert.Equal(new[] { attendee.Id, designer.Id }.Order(), Ids(byName).Order());
        Assert.Equal(2, byName.GetProperty("total").GetInt64());
        Assert.Equal([designer.Id], Ids(byRole));
        Assert.Equal(["designer"], byRole.GetProperty("items")[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([other.Id], Ids(byEmail));
        Assert.Empty(Ids(wildcard));
    }

    [Fact]
    public async Task ChangingRolesIsAuditedWithWhoBeforeAndAfter()
    {
        var person = await api.CreateUserAsync();
        using var admin = api.Client(await api.AdminTokenAsync());
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();

        using var changed = await admin.PutAsJsonAsync($"/api/users/{person.Id}/roles", new { roles = new[] { "organizer", "attendee", "organizer" } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        var audit = await connection.QuerySingleAsync<(Guid UserId, string Changes)>(
            "SELECT user_id, changes::text FROM audit_logs WHERE action = 'user.roles_changed' AND entity_id = @id", new { id = person.Id });
        using var changes = JsonDocument.Parse(audit.Changes);
        Assert.Equal(adminId, audit.UserId);
        Assert.Equal(["attendee"], changes.RootElement.GetProperty("before").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["attendee", "organizer"], changes.RootElement.GetProperty("after").EnumerateArray().Select(r => r.GetString()));
    }

    private static IEnumerable<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
}
