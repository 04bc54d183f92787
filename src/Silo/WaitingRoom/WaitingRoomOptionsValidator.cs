using Fashionistas.Grains.WaitingRoom;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.WaitingRoom;

/// <summary>Refuses to start with waiting-room options that would stop admission or estimates.</summary>
public sealed class WaitingRoomOptionsValidator : IValidateOptions<WaitingRoomOptions>
{
    public ValidateOptionsResult Validate(string? name, WaitingRoomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (setting, value) in new[]
        {
            (nameof(options.AdmissionTick), options.AdmissionTick),
            (nameof(options.RateWindow), options.RateWindow),
            (nameof(options.BusyRetryAfter), options.BusyRetryAfter),
            (nameof(options.ReminderPeriod), options.ReminderPeriod),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{setting} must be positive.");
            }
        }

        if (options.MinimumRateHistory < TimeSpan.Zero || options.MinimumRateHistory > options.RateWindow)
        {
            failures.Add($"{nameof(options.MinimumRateHistory)} must be 0 to {nameof(options.RateWindow)}.");
        }

        if (options.AutomaticShoppers < 1 || options.AutomaticStartPerMinute < 1 || options.MaxWaitingCalls < 1)
        {
            failures.Add($"{nameof(options.AutomaticShoppers)}, {nameof(options.AutomaticStartPerMinute)} and {nameof(options.MaxWaitingCalls)} must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
