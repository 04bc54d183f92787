using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Tickets;

internal sealed class TicketQrOptionsValidator : IValidateOptions<TicketQrOptions>
{
    private const int MaxPixelsPerModule = 40;

    public ValidateOptionsResult Validate(string? name, TicketQrOptions options)
    {
        var failures = new List<string>();
        if (options.ErrorCorrection?.Trim().ToUpperInvariant() is not ("L" or "M" or "Q" or "H"))
        {
            failures.Add("Tickets:Qr:ErrorCorrection must be L, M, Q or H.");
        }

        if (options.PixelsPerModule is < 1 or > MaxPixelsPerModule)
        {
            failures.Add($"Tickets:Qr:PixelsPerModule must be between 1 and {MaxPixelsPerModule}.");
        }

        if (!string.IsNullOrWhiteSpace(options.LinkTemplate)
            && !options.LinkTemplate.Contains("{code}", StringComparison.Ordinal))
        {
            failures.Add("Tickets:Qr:LinkTemplate must contain {code}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
