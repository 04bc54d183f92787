using System.Buffers.Text;
using System.Security.Cryptography;

namespace Fashionistas.Grains.Inventory;

/// <summary>Ticket codes for QR codes: 128 bits from the OS's cryptographic generator, base64url (22 characters).</summary>
public static class TicketCodes
{
    /// <summary>128 bits: guessing a valid code is hopeless even across millions of tickets.</summary>
    public const int RandomBytes = 16;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
