using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Messaging.Email;
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
    /// <c>Messaging:Wati:BaseUrl</c> and <c>ApiToken</c> are set, SMTP for e-mail when <c>Messaging:Smtp:Host</c> is set,
    /// else table <c>message_log</c>), the journal and WATI's webhook. Needs an <c>NpgsqlDataSource</c> registered elsewhere.
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
            .Validate(
                options => !options.Smtp.IsConfigured
                    || (options.Smtp.Port is > 0 and <= ushort.MaxValue && options.Smtp.Timeout > TimeSpan.Zero
                        && MimeKit.MailboxAddress.TryParse(options.Smtp.FromAddress, out _)),
                "Messaging:Smtp needs a FromAddress, a port 1-65535 and a positive Timeout when Host is set.")
            .Validate(
                options => HttpUrls.IsAbsoluteHttp(options.PublicBaseUrl)
                    && options.ReminderLead > TimeSpan.Zero && options.ReminderInterval > TimeSpan.Zero,
                "Messaging:PublicBaseUrl must be an absolute http(s) URL; ReminderLead and ReminderInterval positive.")
            .ValidateOnStart();

        services.TryAddSingleton<MessageJournal>();
        services.TryAddSingleton<MessageLogSender>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<WatiWebhookVerifier>();
        services.TryAddSingleton<WatiStatusWebhook>();
        services.AddHttpClient<WatiMessageSender>((provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<MessagingOptions>>().Value.Wati.RequestTimeout);
        services.TryAddTransient<IMessageSender>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MessagingOptions>>().Value;
            return new RoutingMessageSender(
                provider.GetRequiredService<MessageLogSender>(),
                options.Wati.IsConfigured ? provider.GetRequiredService<WatiMessageSender>() : null,
                options.Smtp.IsConfigured ? provider.GetRequiredService<SmtpEmailSender>() : null);
        });
        return services;
    }
}
