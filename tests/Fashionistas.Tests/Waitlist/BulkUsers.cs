using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Waitlist;

/// <summary>
/// Many signed-in attendees at once, written straight to <c>users</c> with tokens from the server's own issuer:
/// registering hundreds through the API would spend the test's time hashing passwords.
/// </summary>
public static class BulkUsers
{
    public static async Task<IReadOnlyList<TestUser>> CreateAsync(ApiFactory api, int count)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tokens = api.Services.GetRequiredService<JwtTokens>();
        var batch = Guid.NewGuid().ToString("N");
        await using var command = api.Database.DataSource.CreateCommand("""
            INSERT INTO users (email, password_hash, display_name)
            SELECT 'bulk-' || $1 || '-' || n || '@fashionistas.test', 'not-a-login', 'Bulk ' || n
            FROM generate_series(1, $2) AS n
            RETURNING id, email, security_stamp
            """);
        command.Parameters.AddWithValue(batch);
        command.Parameters.AddWithValue(count);
        var users = new List<TestUser>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (id, email, stamp) = (reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2));
            users.Add(new TestUser(id, email, string.Empty, tokens.Issue(id, email, "Bulk", ["attendee"], stamp).Token));
        }

        return users;
    }
}
