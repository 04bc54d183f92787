using Fashionistas.Grains.Inventory;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Inventory;

/// <summary>Refuses to start with inventory options that would break holds or expiry.</summary>
public sealed class InventoryOptionsValidator : IValidateOptions<InventoryOptions>
{
    private const int LongestSensibleKey = 1_000;

    public ValidateOptionsResult Validate(string? name, InventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.HoldDuration <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.HoldDuration)} must be positive.");
        }

        if (options.ExpirySweepInterval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.ExpirySweepInterval)} must be positive.");
        }

        // Orleans itself refuses a period under its ReminderOptions.MinimumReminderPeriod (1 minute unless configured).
        if (options.ExpiryReminderPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.ExpiryReminderPeriod)} must be positive.");
        }

        if (options.MaxWaitingCalls < 1)
        {
            failures.Add($"{nameof(options.MaxWaitingCalls)} must be at least 1.");
        }

        if (options.BusyRetryAfter <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.BusyRetryAfter)} must be positive.");
        }

        if (options.IdempotencyWindow <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.IdempotencyWindow)} must be positive.");
        }

        if (options.MaxIdempotencyKeyLength is < 1 or > LongestSensibleKey)
        {
            failures.Add($"{nameof(options.MaxIdempotencyKeyLength)} must be between 1 and {LongestSensibleKey}.");
        }

        if (options.NotificationAttempts < 1)
        {
            failures.Add($"{nameof(options.NotificationAttempts)} must be at least 1.");
        }

        if (options.NotificationRetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.NotificationRetryDelay)} must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
