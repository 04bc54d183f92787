using System.Net;
using System.Net.Sockets;
using Fashionistas.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Fashionistas.Silo.Cluster;

public static class ClusterSiloBuilderExtensions
{
    /// <summary>
    /// Membership (localhost, or ADO.NET on the application's PostgreSQL), grain state and reminders (always ADO.NET:
    /// the database is always there, so state and wake-ups survive a restart in one node as in many) and endpoints.
    /// </summary>
    public static ISiloBuilder UseFashionistasCluster(this ISiloBuilder silo, OrleansClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Clustering == ClusteringMode.AdoNet)
        {
            silo.UseAdoNetClustering(o => o.Configure<PostgresDatabase>(OnDatabase<AdoNetClusteringSiloOptions>((t, invariant, source) =>
            {
                t.Invariant = invariant;
                t.DataSource = source;
            })));
            var advertised = options.AdvertisedAddress;
            if (advertised is null)
            {
                silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
            }
            else
            {
                // A loopback address serves nodes of one machine only; any other is reachable from outside, so listen on every interface.
                silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
            }
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
        }

        silo.Configure<ClusterOptions>(c =>
        {
            c.ClusterId = options.ClusterId;
            c.ServiceId = options.ServiceId;
        });
        silo.AddAdoNetGrainStorageAsDefault(o => o.Configure<PostgresDatabase>(OnDatabase<AdoNetGrainStorageOptions>((t, invariant, source) =>
        {
            t.Invariant = invariant;
            t.DataSource = source;
        })));
        silo.UseAdoNetReminderService(o => o.Configure<PostgresDatabase>(OnDatabase<AdoNetReminderTableOptions>((t, invariant, source) =>
        {
            t.Invariant = invariant;
            t.DataSource = source;
        })));
        // A span per grain call (source "Microsoft.Orleans.Application"), so a trace runs HTTP → grain → PostgreSQL.
        silo.AddActivityPropagation();

        // The dashboard's statistics are gathered by every silo; web nodes serve its pages to admins.
        silo.AddDashboard();
        silo.Services.AddSingleton(Options.Create(options));
        return silo;
    }

    /// <summary>
    /// Points a provider's options at the application's data source once the database has started and its migrations
    /// (which create the providers' tables and queries) are applied.
    /// </summary>
    internal static Action<T, PostgresDatabase> OnDatabase<T>(Action<T, string, System.Data.Common.DbDataSource> apply) =>
        (target, database) =>
        {
            database.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            apply(target, AdoNetInvariant, database.DataSource);
        };

    /// <summary>The ADO.NET provider name Orleans loads <c>Npgsql.NpgsqlFactory</c> by.</summary>
    internal const string AdoNetInvariant = "Npgsql";
}
