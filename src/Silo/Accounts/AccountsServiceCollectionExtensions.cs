using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Accounts beyond sign-in: one-time tokens (options section <c>Accounts</c>), password reset, e-mail verification,
    /// contact preferences, and the outbox handler that e-mails reset and verification links.
    /// </summary>
    public static IServiceCollection AddAccountMessages(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        services.TryAddSingleton<AccountTokens>();
        services.TryAddSingleton<PasswordResets>();
        services.TryAddSingleton<EmailVerifications>();
        services.TryAddSingleton<ContactPreferences>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, AccountMessagesOutboxHandler>());
        return services;
    }
}
