using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Fashionistas.LoadTests.Hosting;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Resilience;

/// <summary>The server process started while its PostgreSQL is down waits for it instead of exiting.</summary>
public sealed class StartWithoutDatabaseTests(DedicatedCluster postgres) : IClassFixture<DedicatedCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AServerStartedBeforeItsDatabaseWaitsForItAndThenServes()
    {
        const string password = "Admin-password-for-tests-1";
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres.ConnectionString,
            ["Fashionistas__DemoData__Enabled"] = "false",
            ["Fashionistas__Admin__Email"] = ApiFactory.AdminEmail,
            ["Fashionistas__Admin__Password"] = password,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        };

        await using (await postgres.StopAsync())
        {
            await using var server = ServerProcess.Start(CallerEnvironment.Only(environment));
            Assert.True(
                await Eventually.TrueAsync(() => server.Output.Contains("PostgreSQL is not reachable yet", StringComparison.Ordinal) || server.HasExited, Patience),
                server.Output);
            Assert.False(server.HasExited, server.Output);

            await postgres.StartAsync();
            await server.WaitUntilReadyAsync(Patience);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = ApiFactory.AdminEmail, password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            await server.StopAsync(TimeSpan.FromSeconds(60));
        }
    }
}
