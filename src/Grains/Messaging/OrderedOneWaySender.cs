using Fashionistas.Grains.Contracts;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Grains.Messaging;

/// <summary>
/// Sends one-way notifications from a grain to other grains in the order they were queued, off the
/// sender's turn: the sender never waits on the receiver, so two grains notifying each other cannot
/// deadlock. A busy receiver is retried a few times; anything else is logged and dropped (receivers
/// re-derive what they need on activation).
/// </summary>
public sealed class OrderedOneWaySender(ILogger logger, TimeProvider time, int attempts, TimeSpan retryDelay)
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>Completes when everything queued so far has been delivered or given up (tests wait on it).</summary>
    public Task Idle
    {
        get
        {
            lock (_gate)
            {
                return _tail;
            }
        }
    }

    public void Enqueue(string notification, Func<Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        lock (_gate)
        {
            var previous = _tail;
            _tail = Task.Run(() => SendAfterAsync(previous, notification, send));
        }
    }

    private async Task SendAfterAsync(Task previous, string notification, Func<Task> send)
    {
        await previous.ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send().ConfigureAwait(false);
                return;
            }
            catch (GrainBusyException busy) when (attempt < attempts)
            {
                var pause = busy.RetryAfter > retryDelay ? busy.RetryAfter : retryDelay;
                await Task.Delay(pause, time).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "One-way notification {Notification} was not delivered", notification);
                return;
            }
        }
    }
}
