using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Fashionistas.Grains.Domain;

/// <summary>
/// The one ticket code format, issued by the ticket-type grain and read back by the QR and check-in side:
/// 128 bits from <see cref="RandomNumberGenerator"/>, written as 26 characters of Crockford base32 (digits
/// and upper-case letters without I, L, O, U). They are URL-safe, fit the QR alphanumeric mode, and survive
/// being read aloud at the door. The first character only carries the top 3 bits, so it is always 0-7.
/// </summary>
public static class TicketCodes
{
    /// <summary>Characters in every code.</summary>
    public const int CodeLength = 26;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int RandomBytes = 16;
    private const int BitsPerCharacter = 5;
    private const int CharacterMask = 0b1_1111;
    private const char HighestFirstCharacter = '7';

    /// <summary>A new random code. Thread-safe.</summary>
    public static string New()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        return Encode(random);
    }

    /// <summary>True for a code exactly as <see cref="New"/> writes it (canonical, upper-case).</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? code)
    {
        if (code is null || code.Length != CodeLength || code[0] > HighestFirstCharacter)
        {
            return false;
        }

        foreach (var character in code)
        {
            if (!Alphabet.Contains(character, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads a code as a person or a scanner gives it: the bare code or a link ending in it, any case,
    /// with hyphens or spaces, and with Crockford's look-alikes (I and L read as 1, O as 0).
    /// </summary>
    public static bool TryParse(string? scanned, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(scanned))
        {
            return false;
        }

        var text = scanned.Trim();
        var query = text.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            text = text[..query];
        }

        text = text.TrimEnd('/');
        text = text[(text.LastIndexOf('/') + 1)..];

        Span<char> buffer = stackalloc char[CodeLength];
        var length = 0;
        foreach (var raw in text)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            if (length == CodeLength)
            {
                return false;
            }

            buffer[length++] = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var upper => upper,
            };
        }

        var candidate = new string(buffer[..length]);
        if (!IsWellFormed(candidate))
        {
            return false;
        }

        code = candidate;
        return true;
    }

    internal static string Encode(ReadOnlySpan<byte> random)
    {
        var value = BinaryPrimitives.ReadUInt128BigEndian(random);
        return string.Create(CodeLength, value, static (characters, bits) =>
        {
            for (var index = characters.Length - 1; index >= 0; index--)
            {
                characters[index] = Alphabet[(int)(bits & CharacterMask)];
                bits >>= BitsPerCharacter;
            }
        });
    }
}
