using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Outbox;

/// <summary>Refuses to start with outbox options that would spin, stall or never retry.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    private const int LargestBatch = 1_000;

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Outbox:PollInterval must be positive.");
        }

        if (options.BatchSize is < 1 or > LargestBatch)
        {
            failures.Add($"Outbox:BatchSize must be between 1 and {LargestBatch}.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add("Outbox:MaxAttempts must be at least 1.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Outbox:RetryBaseDelay must be positive and RetryMaxDelay at least RetryBaseDelay.");
        }

        if (options.ClaimTimeout <= TimeSpan.Zero)
        {
            failures.Add("Outbox:ClaimTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
