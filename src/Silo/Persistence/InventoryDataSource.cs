using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// The connections the inventory store uses: in the host a pool of its own (<see cref="PostgresOptions.InventoryMaxPoolSize"/>),
/// so a ticket type's group commit never queues for a connection behind a burst of checkouts and page reads on the
/// shared pool (measured: up to ~0.3 s per commit in a flash sale). Without the host's registration it is the shared one.
/// </summary>
public sealed class InventoryDataSource(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource => dataSource;
}
