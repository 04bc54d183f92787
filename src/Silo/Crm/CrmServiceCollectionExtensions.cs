using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Crm;

public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Twenty CRM sync (section <c>Crm:Twenty</c>): the outbox handler of
    /// <see cref="OutboxKinds.CrmSponsorUpsert"/> and its typed HTTP client. Off (rows completed without a call)
    /// unless <c>BaseUrl</c> and <c>ApiKey</c> are both set.
    /// </summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TwentyOptions>()
            .Bind(configuration.GetSection(TwentyOptions.SectionName))
            .Validate(
                o => string.IsNullOrWhiteSpace(o.BaseUrl)
                    || HttpUrls.IsAbsoluteHttp(o.BaseUrl),
                "Crm:Twenty:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Crm:Twenty:RequestTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SponsorCrmStore>();
        services.AddHttpClient<TwentyClient>((provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<TwentyOptions>>().Value.RequestTimeout);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, CrmSponsorOutboxHandler>());
        return services;
    }
}
