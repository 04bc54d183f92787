using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Industry;

public static class IndustryServiceCollectionExtensions
{
    /// <summary>Registers the designer, model, collection, lineup and sponsor stores (needs <c>NpgsqlDataSource</c>).</summary>
    public static IServiceCollection AddIndustry(this IServiceCollection services)
    {
        services.TryAddSingleton<DesignerStore>();
        services.TryAddSingleton<ModelStore>();
        services.TryAddSingleton<CollectionStore>();
        services.TryAddSingleton<LineupStore>();
        services.TryAddSingleton<SponsorStore>();
        return services;
    }
}
