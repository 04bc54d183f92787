using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Waitlist;

/// <summary>Refuses to start with waitlist options that would never notify anyone or spin.</summary>
internal sealed class WaitlistOptionsValidator : IValidateOptions<WaitlistOptions>
{
    private const int LargestWaitlist = 1_000_000;
    private const int LargestOverbookingPercent = 100;
    private const int LargestRound = 10_000;

    public ValidateOptionsResult Validate(string? name, WaitlistOptions options)
    {
        var failures = new List<string>();
        if (options.MaxEntriesPerTicketType is < 1 or > LargestWaitlist)
        {
            failures.Add($"Waitlist:MaxEntriesPerTicketType must be between 1 and {LargestWaitlist}.");
        }

        if (options.OverbookingPercent is < 0 or > LargestOverbookingPercent)
        {
            failures.Add($"Waitlist:OverbookingPercent must be between 0 and {LargestOverbookingPercent}.");
        }

        if (options.NotificationWindow <= TimeSpan.Zero)
        {
            failures.Add("Waitlist:NotificationWindow must be positive.");
        }

        if (options.Debounce < TimeSpan.Zero || options.RefreshInterval <= TimeSpan.Zero)
        {
            failures.Add("Waitlist:Debounce must not be negative and RefreshInterval must be positive.");
        }

        if (options.MaxNotificationsPerRound is < 1 or > LargestRound)
        {
            failures.Add($"Waitlist:MaxNotificationsPerRound must be between 1 and {LargestRound}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
