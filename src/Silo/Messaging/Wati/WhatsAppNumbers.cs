using System.Diagnostics.CodeAnalysis;

namespace Fashionistas.Silo.Messaging.Wati;

/// <summary>Phone numbers as WATI wants them: country code and number, digits only, no +.</summary>
public static class WhatsAppNumbers
{
    private const int MaxNationalDigits = 10;
    private const int MinInternationalDigits = 8;
    private const int MaxInternationalDigits = 15;

    /// <summary>
    /// "+57 300 123 4567", "573001234567" and "300-123-4567" (with default country code 57) all become
    /// "573001234567". False for anything that cannot be an E.164 number.
    /// </summary>
    public static bool TryNormalize(string? input, string defaultCountryCode, [NotNullWhen(true)] out string? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var trimmed = input.Trim();
        var international = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal);
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.Any(character => !char.IsAsciiDigit(character) && character is not ('+' or ' ' or '-' or '(' or ')' or '.')))
        {
            return false;
        }

        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (!international && digits.Length <= MaxNationalDigits)
        {
            digits = defaultCountryCode + digits;
        }

        if (digits.Length is < MinInternationalDigits or > MaxInternationalDigits || digits[0] == '0')
        {
            return false;
        }

        number = digits;
        return true;
    }
}
