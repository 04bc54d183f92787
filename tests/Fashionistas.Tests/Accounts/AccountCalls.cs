using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fashionistas.Tests.Infrastructure;
using Npgsql;

namespace Fashionistas.Tests.Accounts;

/// <summary>The account flows over real HTTP, and the links people would find in their inbox (kept in message_log).</summary>
public sealed partial class AccountCalls(ApiFactory api)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    /// <summary>Registers (the verification e-mail is queued) and signs in.</summary>
    public async Task<TestUser> RegisterAsync(string name = "Ana")
    {
        var email = $"ana-{Guid.NewGuid():N}@fashionistas.test";
        const string password = "Test-password-123";
        using var client = api.Client();
        using var created = await client.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = name });
        created.EnsureSuccessStatusCode();
        var token = await api.LoginAsync(email, password);
        using var signedIn = api.Client(token);
        var id = (await signedIn.GetFromJsonAsync<IdBody>("/api/me"))!.Id;
        return new TestUser(id, email, password, token);
    }

    public async Task<HttpResponseMessage> RequestResetAsync(string email)
    {
        using var client = api.Client();
        return await client.PostAsJsonAsync("/api/auth/password-reset", new { email });
    }

    public async Task<HttpStatusCode> ResetAsync(string token, string newPassword)
    {
        using var client = api.Client();
        using var response = await client.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword });
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> VerifyAsync(string token)
    {
        using var client = api.Client();
        using var response = await client.PostAsJsonAsync("/api/auth/verify-email", new { token });
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> LoginStatusAsync(string email, string password)
    {
        using var client = api.Client();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        return response.StatusCode;
    }

    /// <summary>The tokens of the <paramref name="template"/> links e-mailed to <paramref name="email"/>, oldest first, once <paramref name="count"/> arrived.</summary>
    public async Task<IReadOnlyList<string>> LinkTokensAsync(string email, string template, int count = 1)
    {
        IReadOnlyList<string> tokens = [];
        Assert.True(await Eventually.TrueAsync(async () => (tokens = await ReadTokensAsync(email, template)).Count >= count, Delivery),
            $"{count} {template} e-mail(s) did not reach {email}");
        return tokens;
    }

    public async Task<IReadOnlyList<string>> ReadTokensAsync(string email, string template)
    {
        await using var command = api.Database.DataSource.CreateCommand(
            "SELECT payload->>'text' FROM message_log WHERE recipient = $1 AND template = $2 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = template });
        await using var reader = await command.ExecuteReaderAsync();
        var tokens = new List<string>();
        while (await reader.ReadAsync())
        {
            tokens.Add(LinkToken().Match(reader.GetString(0)).Groups[1].Value);
        }

        return tokens;
    }

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = api.Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"token=([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkToken();

    private sealed record IdBody(Guid Id);
}
