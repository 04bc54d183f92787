using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Fashionistas.Grains.Inventory;

/// <summary>
/// The durable wake-up of a ticket type with live holds: one reminder per ticket type (never one per hold), registered
/// while it has active holds and removed when it has none. A reminder activates an idle ticket type, whose activation
/// and sweep timer then expire what is due; deadlines live in the hold rows, so nothing is lost if a tick is missed.
/// </summary>
public sealed class ExpiryReminder(Grain grain, TimeSpan period, ILogger logger)
{
    public const string Name = "hold-expiry";

    private IGrainReminder? _reminder;

    /// <summary>Reads whether the reminder exists (a previous activation may have left it).</summary>
    public async Task LoadAsync()
    {
        try
        {
            _reminder = await grain.GetReminder(Name);
        }
#pragma warning disable CA1031 // Unknown is treated as absent: the next KeepAsync registers it again (an update, not a second one).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Reading the expiry reminder of {Grain} failed", grain.GrainContext.GrainId);
        }
    }

    /// <summary>Registers or removes the reminder so it exists exactly while <paramref name="needed"/>.</summary>
    public async Task KeepAsync(bool needed)
    {
        try
        {
            if (needed && _reminder is null)
            {
                _reminder = await grain.RegisterOrUpdateReminder(Name, period, period);
            }
            else if (!needed && _reminder is { } reminder)
            {
                _reminder = null;
                await grain.UnregisterReminder(reminder);
            }
        }
#pragma warning disable CA1031 // Runs after a durable commit: a failing reminder service must not fail its callers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Retried on the next commit; meanwhile calls and the sweep timer still expire holds of an active grain.
            _reminder = null;
            logger.LogWarning(ex, "Keeping the expiry reminder of {Grain} failed", grain.GrainContext.GrainId);
        }
    }
}
