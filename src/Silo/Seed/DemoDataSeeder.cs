using Dapper;
using Fashionistas.Silo.Accounts;
using Fashionistas.Silo.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fashionistas.Silo.Seed;

/// <summary>Fills an empty database with one on-sale fashion show so a first start has something to sell.</summary>
internal sealed class DemoDataSeeder(
    NpgsqlDataSource dataSource,
    IOptions<DemoDataOptions> options,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialized with a second starter: only one of them seeds.
        await connection.ExecuteAsync(new CommandDefinition("LOCK TABLE events IN EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM events)", transaction: transaction, cancellationToken: cancellationToken)))
        {
            return;
        }

        var organizer = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT user_id FROM user_roles WHERE role = @role ORDER BY granted_at LIMIT 1",
            new { role = UserRoles.Admin }, transaction, cancellationToken: cancellationToken));
        if (organizer is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var startsAt = new DateTimeOffset(now.Date.AddDays(30).AddHours(1), TimeSpan.Zero); // 20:00 in Bogotá (UTC-5)
        var eventId = Guid.NewGuid();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO events (id, organizer_id, name, description, venue, starts_at, ends_at, capacity, status)
            VALUES (@eventId, @organizer, 'Bogotá Fashion Week: Desfile de Apertura',
                    'La noche inaugural con diseñadores colombianos emergentes y consagrados.',
                    'Ágora Bogotá, Calle 24 # 38-47, Bogotá', @startsAt, @endsAt, 1000, 'on_sale');
            INSERT INTO event_status_history (event_id, previous_status, new_status, changed_by, reason) VALUES
                (@eventId, NULL, 'draft', @organizer, 'demo data'),
                (@eventId, 'draft', 'review', @organizer, 'demo data'),
                (@eventId, 'review', 'published', @organizer, 'demo data'),
                (@eventId, 'published', 'on_sale', @organizer, 'demo data');
            INSERT INTO ticket_types (event_id, name, description, price, capacity, sales_start, sales_end, per_buyer_limit,
                                      early_bird_price, early_bird_deadline, group_discount_threshold, group_discount_percentage)
            VALUES
                (@eventId, 'General', 'Acceso general de pie', 150000, 700, @salesStart, @startsAt, 6, 120000, @earlyBird, 4, 10),
                (@eventId, 'VIP', 'Silla numerada y coctel de bienvenida', 450000, 250, @salesStart, @startsAt, 4, NULL, NULL, NULL, NULL),
                (@eventId, 'Front Row', 'Primera fila junto a la pasarela', 1200000, 50, @salesStart, @startsAt, 2, NULL, NULL, NULL, NULL);
            """,
            new
            {
                eventId,
                organizer,
                startsAt,
                endsAt = startsAt.AddHours(4),
                salesStart = now.AddDays(-1),
                earlyBird = now.AddDays(7),
            }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded demo event {EventId}", eventId);
    }
}
