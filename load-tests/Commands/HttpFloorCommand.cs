using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Fashionistas.LoadTests.Calibration;
using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.LoadTests.Commands;

/// <summary>
/// <c>http-floor</c>: the cheapest answer Kestrel gives on this machine, for putting a request's server CPU beside it.
/// Starts a child process with nothing but Kestrel and one request delegate (no routing, no middleware, no logging, no
/// telemetry): it drains the request body and answers 200 with a fixed JSON body the size of a hold's 201. The child
/// runs under the server's own runtime settings (<c>Fashionistas.Web.runtimeconfig.json</c>, workstation GC as
/// <see cref="ServerProcess"/> starts it, tiered compilation on, no inline socket completions), not the generator's.
/// Writes <c>target.env</c> (URL, SERVER_PID, and the holds path and tokens of <c>hold-target</c> when
/// <c>--holds-from</c> names its folder, so <c>wrk-holds.sh</c> sends the very same requests) into <c>--out</c> and
/// keeps the child until the file <c>stop</c> appears there (or Ctrl+C).
/// </summary>
internal static class HttpFloorCommand
{
    public const string Name = "http-floor";
    public const string ServeName = "http-floor-serve";
    public const string Usage = "http-floor --out DIR [--holds-from HOLD_TARGET_DIR]\n";

    /// <summary>A hold's 201 body, give or take: the floor sends as many bytes back as the hold route does.</summary>
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """{"holdId":"0b6f3a52-5d1e-4f5e-9a53-2f3c6f1b8e21","ticketTypeId":"5f0e8f8e-2b8c-4a51-8d0b-1f4a2c9e7b10","eventId":"c7d1a8e4-3b2f-4e6a-9c5d-8f7e6d5c4b3a","quantity":1,"unitPrice":120000,"total":120000,"expiresAt":"2026-12-03T08:00:00+00:00","status":"active"}""");

    public static async Task<int> RunAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        var cli = new CommandLine(args);
        var folder = cli.Text("out") ?? throw new UsageException("http-floor needs --out DIR.");
        var holdsFrom = cli.Text("holds-from");
        cli.ThrowOnUnknown();
        Directory.CreateDirectory(folder);
        var stop = Path.Combine(folder, "stop");
        File.Delete(stop);

        var self = Assembly.GetExecutingAssembly().Location;
        var runtimeConfig = Path.ChangeExtension(BuildOutputs.Locate("src/Web", "Fashionistas.Web"), ".runtimeconfig.json");
        var info = new ProcessStartInfo("dotnet", ["exec", "--runtimeconfig", runtimeConfig, self, ServeName])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_gcServer"] = "0"; // as ServerProcess starts the server
        info.Environment.Remove(Client.SocketCompletions.InlineVariable);
        using var child = Process.Start(info) ?? throw new InvalidOperationException("Could not start the floor server.");
        try
        {
            var url = await child.StandardOutput.ReadLineAsync(cancellationToken)
                ?? throw new InvalidOperationException("The floor server exited before saying where it listens.");
            var lines = new List<string> { $"URL={url}", $"SERVER_PID={child.Id.ToString(CultureInfo.InvariantCulture)}" };
            if (holdsFrom is not null)
            {
                lines.AddRange(File.ReadAllLines(Path.Combine(holdsFrom, "target.env")).Where(l => l.StartsWith("HOLDS_PATH=", StringComparison.Ordinal) || l.StartsWith("RUN_ID=", StringComparison.Ordinal)));
                File.Copy(Path.Combine(holdsFrom, "tokens.txt"), Path.Combine(folder, "tokens.txt"), overwrite: true);
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "holds.lua"), WrkRunner.HoldScript, cancellationToken);
            await File.WriteAllLinesAsync(Path.Combine(folder, "target.env"), lines, cancellationToken);
            await log.WriteLineAsync($"Floor server at {url} (pid {child.Id}); {folder}/target.env written; create {stop} to stop.");
            while (!File.Exists(stop) && !cancellationToken.IsCancellationRequested && !child.HasExited)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
                await child.WaitForExitAsync(CancellationToken.None);
            }
        }

        return 0;
    }

    /// <summary>The child: Kestrel and one delegate on a loopback port the OS picks; prints its URL, serves until killed.</summary>
    public static async Task<int> ServeAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Run(async context =>
        {
            var body = context.Request.BodyReader;
            while (true)
            {
                var read = await body.ReadAsync(context.RequestAborted);
                body.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = Answer.Length;
            await context.Response.Body.WriteAsync(Answer, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await Console.Out.WriteLineAsync(url);
        await Console.Out.FlushAsync(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }
}
