namespace Fashionistas.Grains.Domain;

/// <summary>
/// What a ticket's attendee name and document number may be. A document is a Colombian cédula (6 to 10 digits), a
/// foreigner's ID or a passport: 4 to 20 letters and digits once the dots, dashes and spaces people type are dropped
/// (no checksum: cédulas have none, and other documents' checksums differ).
/// </summary>
public static class AttendeeRules
{
    public const int MaxNameLength = 120;
    public const int MinDocumentLength = 4;
    public const int MaxDocumentLength = 20;

    /// <summary>The name as stored (trimmed), or null with <paramref name="reason"/> when it is not acceptable.</summary>
    public static string? NormalizeName(string? name, out string? reason)
    {
        var trimmed = name?.Trim();
        reason = trimmed switch
        {
            null or "" => "An attendee needs a name.",
            { Length: > MaxNameLength } => $"An attendee's name is at most {MaxNameLength} characters.",
            _ when trimmed.Any(char.IsControl) => "An attendee's name may not contain control characters.",
            _ => null,
        };
        return reason is null ? trimmed : null;
    }

    /// <summary>The document as stored (letters upper-cased, separators dropped), or null with <paramref name="reason"/>.</summary>
    public static string? NormalizeDocument(string? document, out string? reason)
    {
        var kept = new string((document ?? "").Where(c => c is not ('.' or '-' or ' ')).ToArray()).ToUpperInvariant();
        reason = kept switch
        {
            "" => "The event asks for each attendee's document number.",
            _ when !kept.All(char.IsAsciiLetterOrDigit) => "A document number has only letters, digits, dots, dashes and spaces.",
            { Length: < MinDocumentLength or > MaxDocumentLength } =>
                $"A document number has {MinDocumentLength} to {MaxDocumentLength} letters and digits.",
            _ => null,
        };
        return reason is null ? kept : null;
    }
}
