using System.Diagnostics.CodeAnalysis;
using Fashionistas.Silo.Messaging.Wati;

namespace Fashionistas.Silo.Accounts;

/// <summary>Phone numbers as we store them: E.164 with its +; a national number gets the default country code (+57).</summary>
public static class PhoneNumbers
{
    /// <summary>"300 123 4567" → "+573001234567"; "+1 212 555 0100" stays American; false for anything else.</summary>
    public static bool TryNormalize(string? input, string defaultCountryCode, [NotNullWhen(true)] out string? e164)
    {
        e164 = WhatsAppNumbers.TryNormalize(input, defaultCountryCode, out var digits) ? "+" + digits : null;
        return e164 is not null;
    }
}
