using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Industry;

/// <summary>Adds the placement views counted in memory to the database every <see cref="PlacementViewOptions.FlushInterval"/>, and once more on shutdown.</summary>
public sealed partial class PlacementViewFlusher(
    PlacementViewCounter counter, SponsorFiguresStore figures, IOptions<PlacementViewOptions> options, TimeProvider time,
    ILogger<PlacementViewFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the final flush runs in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var counts = counter.TakeAll();
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await figures.AddViewsAsync(counts, cancellationToken);
        }
#pragma warning disable CA1031 // Any failure (database down, shutdown) keeps the counts for the next flush.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            counter.Restore(counts);
            LogFlushFailed(logger, failure, counts.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} placement view counts; kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception failure, int count);
}
