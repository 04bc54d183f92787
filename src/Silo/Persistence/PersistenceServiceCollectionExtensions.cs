using Fashionistas.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fashionistas.Silo.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>PostgreSQL (configured or embedded), migrations at start-up, and <see cref="NpgsqlDataSource"/> for everyone.</summary>
    public static IServiceCollection AddPostgres(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PostgresOptions>(configuration.GetSection(PostgresOptions.Section));
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton(sp => sp.GetRequiredService<PostgresDatabase>().DataSource);
        services.AddSingleton(sp => new InventoryDataSource(sp.GetRequiredService<PostgresDatabase>().InventoryDataSource));
        services.AddHostedService<DatabaseHostedService>();
        return services;
    }
}
