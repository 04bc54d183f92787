using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Fashionistas.LoadTests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>
/// The whole server (API + silo) on real Kestrel HTTP over a fresh database of the test cluster. Use as a class
/// fixture; <see cref="Client"/> and <see cref="BaseAddress"/> talk to it over loopback TCP.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@fashionistas.test";
    public const string AdminPassword = "Admin-password-for-tests-1";

    private Uri? _baseAddress;

    public DatabaseFixture Database { get; } = new();

    /// <summary>Where Kestrel listens: a port the OS gave it when it bound (port 0), so no other listener can have taken it.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not started yet.");

    /// <summary>Further loopback ports Kestrel listens on besides <see cref="BaseAddress"/> (e.g. a metrics port).</summary>
    protected virtual IReadOnlyCollection<int> ExtraPorts => [];

    /// <summary>Extra configuration for a derived fixture (e.g. a declining payment provider).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Runs once the database exists, before the server starts (e.g. a silo the server joins as a client).</summary>
    protected virtual Task BeforeServerStartsAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await BeforeServerStartsAsync();
        UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            foreach (var port in ExtraPorts)
            {
                options.Listen(IPAddress.Loopback, port);
            }
        });
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        _baseAddress = addresses.Addresses.Select(a => new Uri(a)).Single(a => !ExtraPorts.Contains(a.Port));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A new HTTP client on real TCP, optionally signed in.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public Task<string> AdminTokenAsync() => LoginAsync(AdminEmail, AdminPassword);

    public async Task<string> LoginAsync(string email, string password)
    {
        using var client = Client();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    /// <summary>Registers a user, gives it <paramref name="role"/> (admin does it), and signs it in.</summary>
    public async Task<TestUser> CreateUserAsync(string role = "attendee", string? name = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@fashionistas.test";
        const string password = "Test-password-123";
        using var client = Client();
        using var created = await client.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = name ?? role });
        created.EnsureSuccessStatusCode();
        var id = await UserIdAsync(await LoginAsync(email, password));
        if (role != "attendee")
        {
            using var admin = Client(await AdminTokenAsync());
            using var roles = await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { role } });
            roles.EnsureSuccessStatusCode();
        }

        // Signed in after the role change: a role change refuses the tokens issued before it.
        return new TestUser(id, email, password, await LoginAsync(email, password));
    }

    /// <summary>The id of the user <paramref name="token"/> signs in (registration does not answer it).</summary>
    public async Task<Guid> UserIdAsync(string token)
    {
        using var client = Client(token);
        return (await client.GetFromJsonAsync<UserBody>("/api/me"))!.Id;
    }

    /// <summary>Creates an event (a draft) from <paramref name="body"/> as <paramref name="owner"/>; its id.</summary>
    public async Task<Guid> CreateDraftEventAsync(TestUser owner, object body)
    {
        using var client = Client(owner.Token);
        using var created = await client.PostAsJsonAsync("/api/events", body);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    /// <summary>An event owned by <paramref name="organizer"/>, taken through review to on_sale, with one tier per capacity.</summary>
    public async Task<TestEvent> CreateOnSaleEventAsync(TestUser organizer, int perBuyerLimit = 10, int? eventCapacity = null, params int[] tierCapacities)
    {
        var capacities = tierCapacities.Length == 0 ? [100] : tierCapacities;
        using var client = Client(organizer.Token);
        var now = DateTimeOffset.UtcNow;
        using var created = await client.PostAsJsonAsync("/api/events", new
        {
            name = "Desfile de prueba",
            venue = "Plaza Mayor, Medellín",
            startsAt = now.AddDays(10),
            endsAt = now.AddDays(10).AddHours(3),
            capacity = eventCapacity ?? capacities.Sum(),
            description = "Evento de prueba",
        });
        created.EnsureSuccessStatusCode();
        var eventId = (await created.Content.ReadFromJsonAsync<IdBody>())!.Id;
        var tiers = new List<Guid>();
        foreach (var capacity in capacities)
        {
            using var tier = await client.PostAsJsonAsync($"/api/events/{eventId}/ticket-types", new
            {
                name = $"Tier {tiers.Count + 1}",
                price = 100_000,
                capacity,
                perBuyerLimit,
                salesStart = now.AddDays(-1),
                salesEnd = now.AddDays(9),
            });
            tier.EnsureSuccessStatusCode();
            tiers.Add((await tier.Content.ReadFromJsonAsync<IdBody>())!.Id);
        }

        using var admin = Client(await AdminTokenAsync());
        foreach (var status in new[] { "review", "published", "on_sale" })
        {
            using var step = await admin.PostAsJsonAsync($"/api/events/{eventId}/status", new { status, reason = "test" });
            step.EnsureSuccessStatusCode();
        }

        return new TestEvent(eventId, tiers);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => CallerEnvironment.RemoveFrom(configuration));
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Database.ConnectionString,
            ["Fashionistas:DemoData:Enabled"] = "false",
            ["Fashionistas:Admin:Email"] = AdminEmail,
            ["Fashionistas:Admin:Password"] = AdminPassword,
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["RateLimiting:AuthPerIpPerMinute"] = "100000",
            ["RateLimiting:PurchasePerUserPerMinute"] = "100000",
            ["RateLimiting:PurchasePerIpPerSecond"] = "100000",

            // Many servers run side by side in the suite: each co-hosted silo gets a port of its own and no gateway.
            ["Orleans:SiloPort"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = "0",
            ["RateLimiting:RecoveryPerIpPerHour"] = "100000",

            // Test buyers are generated, like a load test's: they buy without confirming an e-mail. The rule itself is
            // tested with it on (Accounts/EmailVerificationTests, VerifiedApiFactory).
            ["Accounts:RequireVerifiedEmailToBuy"] = "false",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private sealed record TokenBody(string AccessToken);

    private sealed record UserBody(Guid Id);

    private sealed record IdBody(Guid Id);
}

/// <summary>A signed-in test user.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string Token);

/// <summary>An on-sale test event and its ticket type ids.</summary>
public sealed record TestEvent(Guid Id, IReadOnlyList<Guid> TicketTypeIds);
