using System.Text.Json;
using Fashionistas.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Runtime.State;

/// <summary>
/// <see cref="IPersistentState{TState}"/> as one JSON row of <c>grain_state</c>, keyed by grain class name and
/// key, with an integer etag checked on every write so a stale activation cannot overwrite newer state.
/// Read automatically when the activation starts. One persistent state per grain class.
/// </summary>
public sealed class PostgresPersistentState<TState> : IPersistentState<TState>, IGrainActivationParticipant
    where TState : class, new()
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource _dataSource;
    private readonly GrainContextHolder _holder;
    private int? _etag;

    public PostgresPersistentState(NpgsqlDataSource dataSource, GrainContextHolder holder)
    {
        _dataSource = dataSource;
        _holder = holder;
        holder.AddParticipant(this);
    }

    public TState State { get; set; } = new();

    public bool RecordExists => _etag is not null;

    Task IGrainActivationParticipant.OnActivatingAsync(CancellationToken cancellationToken) =>
        ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT etag, data::text FROM grain_state WHERE grain_type = $1 AND grain_key = $2");
        AddIdentity(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _etag = reader.GetInt32(0);
            State = JsonSerializer.Deserialize<TState>(reader.GetString(1), Json) ?? new TState();
        }
        else
        {
            _etag = null;
            State = new TState();
        }
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var data = JsonSerializer.Serialize(State, Json);
        await using var command = _dataSource.CreateCommand(_etag is null
            ? """
              INSERT INTO grain_state (grain_type, grain_key, etag, data) VALUES ($1, $2, 1, $3)
              ON CONFLICT DO NOTHING RETURNING etag
              """
            : """
              UPDATE grain_state SET data = $3, etag = etag + 1, updated_at = now()
              WHERE grain_type = $1 AND grain_key = $2 AND etag = $4 RETURNING etag
              """);
        AddIdentity(command);
        command.Parameters.Add(new NpgsqlParameter { Value = data, NpgsqlDbType = NpgsqlDbType.Jsonb });
        if (_etag is { } etag)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = etag });
        }

        var written = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        _etag = written is int newEtag ? newEtag : throw Conflict();
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        if (_etag is { } etag)
        {
            await using var command = _dataSource.CreateCommand(
                "DELETE FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND etag = $3");
            AddIdentity(command);
            command.Parameters.Add(new NpgsqlParameter { Value = etag });
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw Conflict();
            }
        }

        _etag = null;
        State = new TState();
    }

    private void AddIdentity(NpgsqlCommand command)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = _holder.GrainType });
        command.Parameters.Add(new NpgsqlParameter { Value = _holder.Context.Key });
    }

    private InconsistentStateException Conflict() => new(
        $"State of {_holder.GrainType}/{_holder.Context.Key} was changed by someone else since it was read.");
}
