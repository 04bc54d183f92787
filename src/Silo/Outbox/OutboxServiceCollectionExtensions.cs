using Fashionistas.Silo.Configuration;
using Fashionistas.Silo.Messaging.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fashionistas.Silo.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the transactional outbox: <see cref="OutboxStore"/>, the <see cref="OutboxDispatcher"/> background
    /// service (options section <c>Outbox</c>, validated on start) and the buyer-message handler
    /// (<see cref="MessageOutboxHandler"/>), transfer, updated-ticket and reminder messages with the <see cref="EventReminderScheduler"/>. Other features add their own <see cref="IOutboxHandler"/> with
    /// <c>TryAddEnumerable</c>. Needs <c>NpgsqlDataSource</c> and an <c>IMessageSender</c> (AddMessaging).
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(configuration.GetSection(OutboxOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<OrderAttachments>();
        services.TryAddSingleton<OutboxMessageComposer>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, MessageOutboxHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, TransferMessagesOutboxHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, AttendeeUpdateOutboxHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IOutboxHandler, EventReminderOutboxHandler>());
        services.TryAddSingleton<EventReminderScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<EventReminderScheduler>());
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
