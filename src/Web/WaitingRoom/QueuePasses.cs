using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fashionistas.Web.Auth;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.WaitingRoom;

/// <summary>
/// Admission passes: <c>v1.{event}.{account}.{expires}.{HMAC-SHA256}</c>, bound to one account and one event and valid
/// until the admitted person's shopping time ends. Checked with a constant-time comparison.
/// </summary>
public sealed class QueuePasses
{
    private const string Version = "v1";
    private const int MinimumKeyBytes = 32;
    private readonly byte[] _key;

    public QueuePasses(IOptions<QueuePassOptions> options, SigningKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signingKey);
        _key = string.IsNullOrWhiteSpace(options.Value.PassKey)
            ? HMACSHA256.HashData(signingKey.Bytes, "fashionistas-waiting-room-pass"u8)
            : Convert.FromBase64String(options.Value.PassKey);
        if (_key.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"WaitingRoom:PassKey must be at least {MinimumKeyBytes} bytes (base64).");
        }
    }

    public string Issue(Guid eventId, Guid accountId, DateTimeOffset expiresAt)
    {
        var body = Body(eventId, accountId, expiresAt.ToUnixTimeSeconds());
        return body + "." + Convert.ToBase64String(Sign(body)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Whether <paramref name="pass"/> admits <paramref name="accountId"/> to <paramref name="eventId"/> at <paramref name="now"/>.</summary>
    public QueuePassCheck Check(string? pass, Guid eventId, Guid accountId, DateTimeOffset now)
    {
        var parts = pass?.Split('.');
        if (parts is not [Version, var e, var a, var x, var signature]
            || !Guid.TryParseExact(e, "N", out var passEvent)
            || !Guid.TryParseExact(a, "N", out var passAccount)
            || !long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return QueuePassCheck.Missing;
        }

        var expected = Convert.ToBase64String(Sign(Body(passEvent, passAccount, expires))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            return QueuePassCheck.Forged;
        }

        if (passEvent != eventId || passAccount != accountId)
        {
            return QueuePassCheck.NotYours;
        }

        return expires <= now.ToUnixTimeSeconds() ? QueuePassCheck.Expired : QueuePassCheck.Valid;
    }

    private static string Body(Guid eventId, Guid accountId, long expires) =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}.{eventId:N}.{accountId:N}.{expires}");

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));
}
