using System.Globalization;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Storage;
using Fashionistas.LoadTests.Inventory;
using Npgsql;

namespace Fashionistas.LoadTests.Commands;

/// <summary>
/// Sells under load until killed, printing one flushed line per acknowledged result on stdout:
/// <c>HOLD &lt;holdId&gt; &lt;ticketTypeId&gt; &lt;quantity&gt;</c> and <c>SALE &lt;orderId&gt; &lt;tickets&gt;</c>.
/// A crash test kills it (SIGKILL) and checks every printed line against the database.
/// </summary>
internal static class CrashChildCommand
{
    public const string Name = "crash-child";

    public const string Usage =
        "crash-child --connection <cs> --ticket-type <id> [--ticket-type <id> ...] [--concurrency 32] [--sale-every 4]";

    private static readonly TimeSpan BackOff = TimeSpan.FromMilliseconds(50);
    private static readonly Lock Output = new();

    public static async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var ticketTypes = options.GetAll("ticket-type").Select(Guid.Parse).ToArray();
        if (ticketTypes.Length == 0)
        {
            throw new ArgumentException("At least one --ticket-type is required.");
        }

        var concurrency = options.GetInt("concurrency", 32);
        var saleEvery = options.GetInt("sale-every", 4);
        await using var dataSource = NpgsqlDataSource.Create(options.Require("connection"));
        var buyers = await InventorySql.LoadUsersAsync(dataSource, cancellationToken);
        await using var host = await InventoryHost.StartAsync(dataSource);
        await Console.Error.WriteLineAsync($"crash-child: {concurrency} workers on {ticketTypes.Length} ticket types, {buyers.Length} buyers");

        var workers = Enumerable.Range(0, concurrency)
            .Select(worker => Task.Run(() => WorkAsync(host, dataSource, ticketTypes, buyers, saleEvery, worker, cancellationToken)));
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: stop selling; the runtime flushes what was answered.
        }

        return 0;
    }

    private static async Task WorkAsync(
        InventoryHost host, NpgsqlDataSource dataSource, Guid[] ticketTypes, Guid[] buyers, int saleEvery, int worker,
        CancellationToken cancellationToken)
    {
        var random = new Random(worker);
        var accepted = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var grain = host.Get<ITicketTypeGrain>(ticketTypes[random.Next(ticketTypes.Length)]);
            var request = new HoldRequest(buyers[random.Next(buyers.Length)], 1 + random.Next(2), Guid.NewGuid().ToString("N"));
            try
            {
                if (await grain.Hold(request) is not HoldResult.Accepted { Hold: var hold })
                {
                    continue;
                }

                Acknowledge($"HOLD {hold.HoldId} {hold.TicketTypeId} {hold.Quantity}");
                if (++accepted % saleEvery != 0)
                {
                    continue;
                }

                var orderId = await InventorySql.CreatePendingOrderAsync(dataSource, hold, cancellationToken);
                if (await grain.ConfirmSale(new SaleRequest(orderId, hold.HoldId, hold.BuyerId, hold.Quantity, OrderStatusNames.PendingPayment)) is SaleResult.Sold sold)
                {
                    Acknowledge($"SALE {orderId} {sold.Tickets.Count.ToString(CultureInfo.InvariantCulture)}");
                }
            }
            catch (Exception e) when (e is GrainBusyException or GrainUnavailableException or NpgsqlException)
            {
                await Task.Delay(BackOff, cancellationToken);
            }
        }
    }

    /// <summary>One line per result, flushed at once: a line on stdout means the caller was answered.</summary>
    private static void Acknowledge(string line)
    {
        lock (Output)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
