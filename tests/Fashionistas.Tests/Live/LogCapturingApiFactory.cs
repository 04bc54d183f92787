using Fashionistas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Tests.Live;

/// <summary>The whole server with every log entry it writes kept in <see cref="Logs"/>.</summary>
public sealed class LogCapturingApiFactory : ApiFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
