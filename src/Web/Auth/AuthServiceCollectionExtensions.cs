using Fashionistas.Silo.Accounts;
using Fashionistas.Silo.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddTicketingAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<JwtOptions>(configuration.GetSection(JwtOptions.Section));
        services.AddSingleton<SigningKey>();
        services.AddSingleton<JwtTokens>();
        services.AddValidatedOptions<RightsOptions>(configuration.GetSection(RightsOptions.Section));
        services.AddSingleton<CurrentRights>();
        services.AddValidatedOptions<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // The scheme keeps JwtBearer's options and setup; its handler answers remembered tokens the short way.
        services.TryAddTransient<CachedJwtBearerHandler>();
        services.Configure<AuthenticationOptions>(o => o.SchemeMap[JwtBearerDefaults.AuthenticationScheme].HandlerType = typeof(CachedJwtBearerHandler));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>());
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Organizer, p => p.RequireRole(UserRoles.Organizer, UserRoles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(UserRoles.Admin));
        return services;
    }
}
