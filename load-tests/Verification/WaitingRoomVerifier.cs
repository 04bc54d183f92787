using Fashionistas.LoadTests.Reporting;
using Npgsql;

namespace Fashionistas.LoadTests.Verification;

/// <summary>What a waiting-room run must leave in the database: one place each, positions 1..N, admitted in order.</summary>
public static class WaitingRoomVerifier
{
    public static async Task<(VerificationResult Result, IReadOnlyDictionary<Guid, (int Position, DateTimeOffset ArrivedAt, DateTimeOffset? AdmittedAt)> Entries, DateTimeOffset OpensAt)> VerifyAsync(
        string connectionString, Guid eventId, IReadOnlyCollection<Guid> joined, IReadOnlyCollection<Guid> refusedHolders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(joined);
        ArgumentNullException.ThrowIfNull(refusedHolders);
        await using var source = NpgsqlDataSource.Create(connectionString);
        var entries = new List<(Guid Account, int? Position, DateTimeOffset Arrived, DateTimeOffset? Admitted)>();
        await using (var command = source.CreateCommand(
            "SELECT account_id, position, arrived_at, admitted_at FROM waiting_room_entries WHERE event_id = $1 ORDER BY position NULLS LAST"))
        {
            command.Parameters.AddWithValue(eventId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        await using var opens = source.CreateCommand("SELECT opens_at FROM waiting_rooms WHERE event_id = $1");
        opens.Parameters.AddWithValue(eventId);
        var opensAt = new DateTimeOffset((DateTime)(await opens.ExecuteScalarAsync(cancellationToken))!, TimeSpan.Zero);
        await using var holds = source.CreateCommand("SELECT count(*) FROM holds WHERE buyer_id = ANY($1)");
        holds.Parameters.AddWithValue(refusedHolders.ToArray());
        var unpassedHolds = (long)(await holds.ExecuteScalarAsync(cancellationToken))!;

        var positions = entries.Select(e => e.Position ?? 0).ToList();
        var admittedInOrder = true;
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Admitted is { } a && (entries[i - 1].Admitted is not { } b || a < b))
            {
                admittedInOrder = false;
            }
        }

        var early = entries.TakeWhile(e => e.Arrived < opensAt).Count();
        var late = entries.Skip(early).ToList();
        var lateInOrder = late.Zip(late.Skip(1)).All(p => p.Second.Arrived >= p.First.Arrived);
        var checks = new List<VerificationCheck>
        {
            new("one place per account", entries.Count == joined.Count && entries.Select(e => e.Account).Distinct().Count() == entries.Count,
                $"{entries.Count} rows for {joined.Count} people (every 10th joined from 3 tabs)"),
            new("positions are 1..N without gaps", positions.SequenceEqual(Enumerable.Range(1, entries.Count)), $"{entries.Count} positions"),
            new("admission order equals queue order", admittedInOrder, "admitted_at never decreases along the positions"),
            new("everybody admitted once", entries.All(e => e.Admitted is not null), $"{entries.Count(e => e.Admitted is not null)} admitted"),
            new("arrivals before the opening come first", entries.Take(early).All(e => e.Arrived < opensAt), $"{early} early arrivals shuffled"),
            new("later arrivals in arrival order", lateInOrder, $"{late.Count} later arrivals"),
            new("no hold without a pass", unpassedHolds == 0, $"{unpassedHolds} holds by {refusedHolders.Count} people who tried without a pass"),
        };
        return (new VerificationResult(true, checks),
            entries.Where(e => e.Position is not null).ToDictionary(e => e.Account, e => (e.Position!.Value, e.Arrived, e.Admitted)), opensAt);
    }
}
