using System.Net;
using System.Net.Http.Json;
using Dapper;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Api;

public sealed class PasswordChangeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AUserChangesTheirPasswordWithTheCurrentOneAndOnlyTheNewOneSignsIn()
    {
        var user = await api.CreateUserAsync();
        using var client = api.Client(user.Token);

        using var wrong = await client.PutAsJsonAsync("/api/me/password", new { currentPassword = "Not-my-password-1", newPassword = "Nueva-clave-2026" });
        using var changed = await client.PutAsJsonAsync("/api/me/password", new { currentPassword = user.Password, newPassword = "Nueva-clave-2026" });
        using var anonymous = api.Client();
        using var oldLogin = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        using var newLogin = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "Nueva-clave-2026" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("currentPassword", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newLogin.StatusCode);
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE action = 'user.password_changed' AND user_id = @id", new { id = user.Id }));
    }

    [Fact]
    public async Task TwoChangesAtOnceWithTheSamePasswordLeaveExactlyOneNewPassword()
    {
        var user = await api.CreateUserAsync();
        using var client = api.Client(user.Token);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.PutAsJsonAsync("/api/me/password", new { currentPassword = user.Password, newPassword = $"Clave-numero-{i}" })));

        var winners = answers.Select((a, i) => (a.StatusCode, i)).Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);

        // A loser is refused for the wrong current password, or (once the winner committed) for its now stale token.
        Assert.All(answers, a => Assert.True(
            a.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, a.StatusCode.ToString()));
        Assert.NotEmpty(await api.LoginAsync(user.Email, $"Clave-numero-{winners[0].i}"));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
