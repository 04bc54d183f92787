using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Messaging.Wati;

/// <summary>
/// Authenticates a WATI status webhook with <see cref="WatiOptions.WebhookSecret"/>: either the hex HMAC-SHA256 of the
/// raw body in <c>X-Wati-Signature</c> (from a signing relay; a replayed body with another signature fails), or the
/// secret itself as the URL's <c>secret</c> parameter (WATI's dashboard only takes a URL). Compared in fixed time.
/// </summary>
public sealed class WatiWebhookVerifier(IOptions<MessagingOptions> options)
{
    public const string SignatureHeader = "X-Wati-Signature";
    private const string Sha256Prefix = "sha256=";

    public bool IsAuthentic(ReadOnlySpan<byte> body, string? signature, string? urlSecret)
    {
        var secret = options.Value.Wati.WebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(secret);
        if (!string.IsNullOrWhiteSpace(signature))
        {
            var hex = signature.Trim();
            if (hex.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase))
            {
                hex = hex[Sha256Prefix.Length..];
            }

            byte[] given;
            try
            {
                given = Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                return false;
            }

            return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), given);
        }

        return urlSecret is not null && CryptographicOperations.FixedTimeEquals(key, Encoding.UTF8.GetBytes(urlSecret));
    }
}
