using Fashionistas.LoadTests.Client;
using Fashionistas.LoadTests.Hosting;

namespace Fashionistas.LoadTests.Scenarios;

/// <summary>Registers and signs in attendees in parallel (bounded: password hashing is deliberately slow).</summary>
public static class BuyerPool
{
    public const string Password = "Load-test-password-1";

    /// <summary>Through the API, or directly (<paramref name="fast"/>) when the target's database and signing key are known.</summary>
    public static async Task<IReadOnlyList<Buyer>> CreateAsync(
        TicketingClient client, LoadTarget target, bool fast, int count, string runId, int parallelism, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(log);
        if (fast)
        {
            if (target.ConnectionString is null || target.SigningKey is null)
            {
                throw new Cli.UsageException("--fast-setup needs our own server (its database and signing key); drop --target or --fast-setup.");
            }

            await log.WriteLineAsync($"Creating {count} buyers directly (fast setup) ...");
            return await DirectBuyers.CreateAsync(target.ConnectionString, target.SigningKey, count, runId, cancellationToken);
        }

        await log.WriteLineAsync($"Registering {count} buyers through the API ({parallelism} at a time) ...");
        return await RegisterAsync(client, count, runId, parallelism, log, cancellationToken);
    }

    public static async Task<IReadOnlyList<Buyer>> RegisterAsync(
        TicketingClient client, int count, string runId, int parallelism, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var buyers = new Buyer[count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var email = $"buyer-{runId}-{i}@load.fashionistas.test";
                var (id, token) = await client.RegisterAsync(email, Password, $"Comprador {i}", ct);
                buyers[i] = new Buyer(i, id, email, token);
                var n = Interlocked.Increment(ref done);
                if (n % 250 == 0 || n == count)
                {
                    await log.WriteLineAsync($"  registered {n}/{count} buyers");
                }
            });
        return buyers;
    }
}
