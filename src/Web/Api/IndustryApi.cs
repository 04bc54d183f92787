using Fashionistas.Silo.Accounts;
using Fashionistas.Web.Auth;

namespace Fashionistas.Web.Api;

/// <summary>The fashion-industry side: designers, models, collections, show lineups and operations, agendas and sponsors.</summary>
public static class IndustryApi
{
    public static IServiceCollection AddIndustryApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(IndustryPolicies.Designer, p => p.RequireRole(UserRoles.Designer))
            .AddPolicy(IndustryPolicies.Model, p => p.RequireRole(UserRoles.Model))
            .AddPolicy(IndustryPolicies.Sponsor, p => p.RequireRole(UserRoles.Sponsor));
        return services;
    }

    public static IEndpointRouteBuilder MapIndustryApi(this IEndpointRouteBuilder app) =>
        app.MapDesignersApi().MapModelsApi().MapModelPhotosApi().MapCollectionsApi().MapShowApplicationsApi().MapCastingsApi()
            .MapLineupApi().MapShowOperationsApi().MapAgendaApi().MapSponsorsApi().MapSponsorPackagesApi();
}
