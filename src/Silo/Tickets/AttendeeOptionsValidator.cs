using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Tickets;

internal sealed class AttendeeOptionsValidator : IValidateOptions<AttendeeOptions>
{
    private const int MaxChanges = 1_000;

    public ValidateOptionsResult Validate(string? name, AttendeeOptions options)
    {
        var failures = new List<string>();
        if (options.MaxChangesPerTicket is < 0 or > MaxChanges)
        {
            failures.Add($"Attendees:MaxChangesPerTicket must be between 0 and {MaxChanges}.");
        }

        if (options.UpdateDelay < TimeSpan.Zero || options.UpdateDelay > TimeSpan.FromDays(1))
        {
            failures.Add("Attendees:UpdateDelay must be between 0 and 1 day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
