using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Messaging.Wati;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMessageSender"/> (<see cref="RoutingMessageSender"/>: WATI for WhatsApp when
    /// <c>Messaging:Wati:BaseUrl</c> and <c>ApiToken</c> are set, else table <c>message_log</c>).
    /// Needs an <c>NpgsqlDataSource</c> registered elsewhere.
    /// </summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MessagingOptions>()
            .Bind(configuration.GetSection(MessagingOptions.SectionName))
            .Validate(
                options => !options.Wati.IsConfigured
                    || HttpUrls.IsAbsoluteHttp(options.Wati.BaseUrl),
                "Messaging:Wati:BaseUrl must be an absolute http(s) URL.")
            .Validate(
                options => options.Wati.RequestTimeout > TimeSpan.Zero
                    && options.Wati.DefaultCountryCode.Length > 0
                    && options.Wati.DefaultCountryCode.All(char.IsAsciiDigit),
                "Messaging:Wati:RequestTimeout must be positive and DefaultCountryCode digits only.")
            .ValidateOnStart();

        services.TryAddSingleton<MessageLogSender>();
        services.AddHttpClient<WatiMessageSender>((provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<MessagingOptions>>().Value.Wati.RequestTimeout);
        services.TryAddTransient<IMessageSender>(provider => new RoutingMessageSender(
            provider.GetRequiredService<MessageLogSender>(),
            provider.GetRequiredService<IOptions<MessagingOptions>>().Value.Wati.IsConfigured
                ? provider.GetRequiredService<WatiMessageSender>()
                : null));
        return services;
    }
}
