using Fashionistas.Web.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fashionistas.LoadTests.Scenarios;

/// <summary>
/// <c>--fast-setup</c>: buyers inserted straight into the users table and signed in with tokens minted by the
/// server's own <see cref="JwtTokens"/> and signing key. Only the setup is shortened (registration hashes each
/// password on purpose slowly: ~0.2 s of CPU on this machine); the measured phase is the same.
/// </summary>
public static class DirectBuyers
{
    public static async Task<IReadOnlyList<Buyer>> CreateAsync(
        string connectionString, string signingKey, int count, string runId, CancellationToken cancellationToken)
    {
        var buyers = Enumerable.Range(0, count)
            .Select(i => (Index: i, Id: Guid.NewGuid(), Email: $"buyer-{runId}-{i}@load.fashionistas.test"))
            .ToArray();
        var stamps = new Dictionary<Guid, Guid>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command("""
                        INSERT INTO users (id, email, password_hash, display_name)
                        SELECT u.id, u.email, 'fast-setup: no password', 'Comprador ' || u.n
                        FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS u(id, email, n)
                        """, buyers.Select(b => b.Id).ToArray(), buyers.Select(b => b.Email).ToArray()),
                    Command("INSERT INTO user_roles (user_id, role) SELECT unnest($1::uuid[]), 'attendee'", buyers.Select(b => b.Id).ToArray()),
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);

            // Tokens carry the stamp the database gave each buyer (it changes when the role row is inserted).
            await using var read = new NpgsqlCommand("SELECT id, security_stamp FROM users WHERE id = ANY($1)", connection)
            {
                Parameters = { new NpgsqlParameter { Value = buyers.Select(b => b.Id).ToArray() } },
            };
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stamps[reader.GetGuid(0)] = reader.GetGuid(1);
            }
        }

        var jwt = Options.Create(new JwtOptions { SigningKey = signingKey });
        var tokens = new JwtTokens(new SigningKey(jwt, NullLogger<SigningKey>.Instance), jwt, TimeProvider.System);
        return [.. buyers.Select(b => new Buyer(b.Index, b.Id, b.Email, tokens.Issue(b.Id, b.Email, $"Comprador {b.Index}", ["attendee"], stamps[b.Id]).Token))];
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
