using System.Diagnostics;
using System.Security.Cryptography;

namespace Fashionistas.LoadTests.Hosting;

/// <summary>
/// A server started for one run: the Release (or matching) build of src/Web as a child process, with a throw-away
/// embedded PostgreSQL data folder in a temporary directory, a generated admin password, generous rate limits and
/// quiet logs. Disposing stops the server (which stops its PostgreSQL) and deletes the folder.
/// </summary>
public sealed class OwnServer : IAsyncDisposable
{
    public const string AdminEmail = "loadtest-admin@fashionistas.test";

    /// <summary>Rate limits high enough that the limiter never shapes a load test on one IP.</summary>
    private const string UnlimitedRate = "100000000";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _root;

    private OwnServer(ServerProcess process, string root, string dataDirectory, string adminPassword, string signingKey, IReadOnlyDictionary<string, string> environment)
    {
        Environment = environment;
        SigningKey = signingKey;
        Process = process;
        _root = root;
        DataDirectory = dataDirectory;
        AdminPassword = adminPassword;
    }

    public ServerProcess Process { get; }

    /// <summary>The configuration it was started with (environment variables), for nodes that join its cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public Uri BaseAddress => Process.BaseAddress;

    public string DataDirectory { get; }

    public string AdminPassword { get; }

    /// <summary>The server's token signing key (base64).</summary>
    public string SigningKey { get; }

    /// <summary>The server's own database, read from its data folder (valid while it runs).</summary>
    public string ConnectionString => DataFolderConnection.Read(DataDirectory);

    public static async Task<OwnServer> StartAsync(TextWriter log, IReadOnlyDictionary<string, string>? extraEnvironment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var dll = await EnsureWebBuildAsync(log, cancellationToken);
        var root = Path.Combine(Path.GetTempPath(), "fashionistas-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var dataDirectory = Path.Combine(root, "postgres");
        var adminPassword = "Load-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var environment = new Dictionary<string, string>
        {
            ["Postgres__DataDirectory"] = dataDirectory,
            ["Fashionistas__Admin__Email"] = AdminEmail,
            ["Fashionistas__Admin__Password"] = adminPassword,
            ["Fashionistas__DemoData__Enabled"] = "false",
            ["Auth__SigningKey"] = signingKey,
            ["Auth__KeyFile"] = Path.Combine(root, "jwt-signing.key"),
            ["RateLimiting__AuthPerIpPerMinute"] = UnlimitedRate,
            ["RateLimiting__PurchasePerUserPerMinute"] = UnlimitedRate,
            ["RateLimiting__PurchasePerIpPerSecond"] = UnlimitedRate,
            // Generated buyers have no inbox to confirm an e-mail from (see the README's Accounts settings).
            ["Accounts__RequireVerifiedEmailToBuy"] = "false",
            ["Media__Local__RootPath"] = Path.Combine(root, "media"),
            // Information logs per request would measure the console, not the server.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        await log.WriteLineAsync($"Starting the server ({dll}) with a throw-away database in {root} ...");
        var process = ServerProcess.Start(environment, dll);
        var server = new OwnServer(process, root, dataDirectory, adminPassword, signingKey, environment);
        try
        {
            await process.WaitUntilReadyAsync(StartTimeout, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        await log.WriteLineAsync($"Server ready at {process.BaseAddress} (pid {process.ProcessId}).");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        // The server stopped its PostgreSQL on SIGTERM; give a straggling postmaster a moment before deleting.
        var waited = Stopwatch.StartNew();
        while (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")) && waited.Elapsed < StopTimeout)
        {
            await Task.Delay(200);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless and the OS cleans /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The Web build next to this one; built (same configuration) when it is missing.</summary>
    private static async Task<string> EnsureWebBuildAsync(TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            return ServerProcess.LocateWebDll();
        }
        catch (FileNotFoundException)
        {
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var project = Path.Combine(RepositoryRoot.Locate(), "src", "Web", "Fashionistas.Web.csproj");
        await log.WriteLineAsync($"Building {project} ({configuration}) ...");
        var info = new ProcessStartInfo("dotnet", ["build", project, "-c", configuration, "--nologo", "-v", "quiet"]) { UseShellExecute = false };
        info.Environment.Remove(Client.SocketCompletions.InlineVariable);
        using var build = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("Could not run dotnet build.");
        await build.WaitForExitAsync(cancellationToken);
        return build.ExitCode == 0
            ? ServerProcess.LocateWebDll()
            : throw new InvalidOperationException($"dotnet build of {project} failed (exit {build.ExitCode}).");
    }
}
