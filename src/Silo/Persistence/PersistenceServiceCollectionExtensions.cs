using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Fashionistas.Silo.Persistence.Inventory;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>PostgreSQL (configured or embedded), migrations at start-up, and <see cref="NpgsqlDataSource"/> for everyone.</summary>
    public static IServiceCollection AddPostgres(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgresOptions>()
            .Bind(configuration.GetSection(PostgresOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton(sp => sp.GetRequiredService<PostgresDatabase>().DataSource);
        services.AddSingleton(sp => new InventoryDataSource(sp.GetRequiredService<PostgresDatabase>().InventoryDataSource));
        services.AddHostedService<DatabaseHostedService>();
        return services;
    }
}
