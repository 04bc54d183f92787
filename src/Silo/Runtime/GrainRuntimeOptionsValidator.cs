using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Runtime;

/// <summary>Rejects options the runtime cannot work with, at start rather than on the first call.</summary>
internal sealed class GrainRuntimeOptionsValidator : IValidateOptions<GrainRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainRuntimeOptions options)
    {
        var failures = new List<string>();
        if (options.MailboxCapacity <= 0)
        {
            failures.Add($"{nameof(options.MailboxCapacity)} must be positive.");
        }

        if (options.MaxBatchSize <= 0)
        {
            failures.Add($"{nameof(options.MaxBatchSize)} must be positive.");
        }

        if (options.BusyRetryAfter <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.BusyRetryAfter)} must be positive.");
        }

        if (options.BatchWait < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.BatchWait)} must not be negative.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.IdleTimeout)} must be positive.");
        }

        if (options.IdleSweepInterval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.IdleSweepInterval)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
