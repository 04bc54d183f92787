using Fashionistas.Silo.Shows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Industry;

public static class IndustryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the designer, model, collection, lineup and sponsor stores, and the show operations (needs
    /// <c>NpgsqlDataSource</c>).
    /// </summary>
    public static IServiceCollection AddIndustry(this IServiceCollection services)
    {
        services.TryAddSingleton<DesignerStore>();
        services.TryAddSingleton<ModelStore>();
        services.TryAddSingleton<ModelPhotoStore>();
        services.TryAddSingleton<CollectionStore>();
        services.TryAddSingleton<LineupStore>();
        services.TryAddSingleton<ShowApplicationStore>();
        services.TryAddSingleton<CastingStore>();
        services.TryAddSingleton<SponsorStore>();
        services.TryAddSingleton<SponsorFiguresStore>();
        services.TryAddSingleton<RunningOrderStore>();
        services.TryAddSingleton<BackstageStore>();
        services.TryAddSingleton<AgendaStore>();
        services.TryAddSingleton<PlacementViewCounter>();
        services.AddOptions<PlacementViewOptions>()
            .BindConfiguration(PlacementViewOptions.SectionName)
            .Validate(o => o.FlushInterval > TimeSpan.Zero && o.FlushInterval <= TimeSpan.FromHours(1),
                "PlacementViews:FlushInterval must be between 0 (excluded) and 1 hour.")
            .ValidateOnStart();
        services.AddHostedService<PlacementViewFlusher>();
        return services;
    }
}
