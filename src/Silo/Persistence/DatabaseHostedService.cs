using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fashionistas.Silo.Persistence;

/// <summary>Starts the database (and migrations, then initializers) before anything else; stops it last.</summary>
internal sealed class DatabaseHostedService(PostgresDatabase database, IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.StartAsync(cancellationToken);
        foreach (var initializer in services.GetServices<IDatabaseInitializer>())
        {
            await initializer.InitializeAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await database.DisposeAsync();
}
