using Fashionistas.Silo.Accounts;
using Fashionistas.Silo.Allocations;
using Fashionistas.Silo.Catalog;
using Fashionistas.Silo.CheckIns;
using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Codes;
using Fashionistas.Silo.Crm;
using Fashionistas.Silo.Industry;
using Fashionistas.Silo.Inventory;
using Fashionistas.Silo.LiveUpdates;
using Fashionistas.Silo.Media;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Outbox;
using Fashionistas.Silo.Payments;
using Fashionistas.Silo.Persistence;
using Fashionistas.Silo.Seed;
using Fashionistas.Silo.Tickets;
using Fashionistas.Silo.WaitingRoom;
using Fashionistas.Silo.Waitlist;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Fashionistas.Silo;

public static class SiloHostExtensions
{
    /// <summary>
    /// Everything that lives behind the web layer: PostgreSQL, accounts, start-up data, the grains' services, checkout.
    /// The host adds its Orleans part: a silo (<c>AddOrleansSilo</c>) or, for a web node, a silo or a client (<c>AddOrleansNode</c>).
    /// </summary>
    public static IHostApplicationBuilder AddSilo(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);
        services.AddPostgres(configuration);

        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.Section));
        services.AddSingleton<UserStore>();
        services.AddAccountMessages(configuration);
        services.AddSingleton<RoleAssignments>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<Staff.EventStaff>();
        services.AddSingleton<IDatabaseInitializer, AdminBootstrapper>();
        services.AddSingleton<IDatabaseInitializer, DemoDataSeeder>();

        services.AddSingleton<EventCatalog>();
        services.AddSingleton<ManagedEvents>();
        services.AddSingleton<HoldQueries>();
        services.AddInventory(configuration);
        services.AddCodes();
        services.AddWaitingRooms(configuration);

        // Checkout: payments, tickets and their QR codes, messages through the transactional outbox.
        services.AddPayments(configuration);
        services.AddTickets(configuration);
        services.AddMessaging(configuration);
        services.AddOutbox(configuration);
        services.AddCheckout();
        services.AddCheckIns();
        services.AddWaitlist(configuration);

        // Live updates of this node's commits reach every web node of the cluster; the waitlist sees them first.
        services.AddClusterLiveUpdates(configuration);
        services.AddWaitlistObserver();

        // The fashion-industry side: profiles, collections (media), lineups, sponsors and their CRM sync.
        services.AddMedia(configuration);
        services.AddIndustry();
        services.AddAllocations(configuration);
        services.AddCrm(configuration);
        return builder;
    }
}
