using Npgsql;

namespace Fashionistas.Silo.Persistence;

/// <summary>
/// The statements of one group commit, sent in one round trip, each with the number of rows it must touch. The caller
/// commits only when <see cref="ExecuteAsync"/> finds no statement that touched another number: a short count means the
/// memory the batch was built from is not what the database holds (a fence lost, a row already changed), so nothing
/// of the batch may be written.
/// </summary>
public sealed class CountedBatch(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    private readonly NpgsqlBatch _batch = new(connection, transaction);
    private readonly List<(string What, int Rows)> _expected = [];

    public void Add(string what, int rows, NpgsqlBatchCommand statement)
    {
        _batch.BatchCommands.Add(statement);
        _expected.Add((what, rows));
    }

    /// <summary>Runs the statements; answers the first whose row count is not the one expected, or null when all match.</summary>
    public async Task<CountMismatch?> ExecuteAsync(CancellationToken cancellationToken)
    {
        await _batch.ExecuteNonQueryAsync(cancellationToken);
        for (var i = 0; i < _expected.Count; i++)
        {
            var affected = _batch.BatchCommands[i].RecordsAffected;
            if (affected != _expected[i].Rows)
            {
                return new CountMismatch(_expected[i].What, _expected[i].Rows, affected);
            }
        }

        return null;
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();
}

/// <summary>A statement of a <see cref="CountedBatch"/> that touched <paramref name="Affected"/> rows, not <paramref name="Expected"/>.</summary>
public sealed record CountMismatch(string What, int Expected, int Affected)
{
    public string Describe(string subject) => $"{subject}: {What} touched {Affected} rows, expected {Expected}; nothing was written.";
}
