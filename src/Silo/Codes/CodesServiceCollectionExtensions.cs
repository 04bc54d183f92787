using Fashionistas.Grains.Storage;
using Fashionistas.Silo.Persistence.Codes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Codes;

public static class CodesServiceCollectionExtensions
{
    /// <summary>Promo and access codes: the code grain's store, the catalog and <see cref="HoldCodes"/>. Needs AddInventory.</summary>
    public static IServiceCollection AddCodes(this IServiceCollection services)
    {
        services.TryAddSingleton<IPromoCodeStore, NpgsqlPromoCodeStore>();
        services.TryAddSingleton<PromoCodeCatalog>();
        services.TryAddSingleton<HoldCodes>();
        return services;
    }
}
