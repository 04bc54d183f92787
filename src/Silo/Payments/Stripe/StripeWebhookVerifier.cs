using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Checks a webhook's <c>Stripe-Signature</c> header (<c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=...]</c>):
/// some <c>v1</c> must equal hex HMAC-SHA256(webhook secret, "<c>{t}.{raw body}</c>"), compared in
/// constant time, and <c>t</c> must be within <see cref="StripeOptions.WebhookTolerance"/> of now
/// (either direction) so a captured delivery cannot be replayed later. Then parses the event.
/// Pass the raw body exactly as received: re-serialised JSON will not verify.
/// </summary>
public sealed class StripeWebhookVerifier(IOptions<PaymentOptions> options, TimeProvider timeProvider)
{
    public const string SignatureHeader = "Stripe-Signature";
    private const string TimestampKey = "t";
    private const string SignatureScheme = "v1";

    /// <summary>Verifies a body read as text (UTF-8, as Stripe sends it).</summary>
    public StripeWebhookResult Verify(string payload, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Verify(Encoding.UTF8.GetBytes(payload), signatureHeader);
    }

    /// <summary>Verifies the raw body bytes.</summary>
    public StripeWebhookResult Verify(ReadOnlySpan<byte> payload, string? signatureHeader)
    {
        var stripe = options.Value.Stripe;
        if (string.IsNullOrEmpty(stripe.WebhookSecret))
        {
            return StripeWebhookResult.Rejected(
                StripeWebhookFailure.NotConfigured, "Payments:Stripe:WebhookSecret is not configured.");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return StripeWebhookResult.Rejected(
                StripeWebhookFailure.MissingSignature, $"The {SignatureHeader} header is missing.");
        }

        if (!TryParseHeader(signatureHeader, out var timestamp, out var signatures))
        {
            return StripeWebhookResult.Rejected(
                StripeWebhookFailure.MalformedSignature, $"The {SignatureHeader} header needs t= and v1= entries.");
        }

        var age = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age.Duration() > stripe.WebhookTolerance)
        {
            return StripeWebhookResult.Rejected(
                StripeWebhookFailure.TimestampOutsideTolerance,
                $"Signed timestamp {timestamp} is {age} from now; tolerance is {stripe.WebhookTolerance}.");
        }

        var expected = ComputeSignature(stripe.WebhookSecret, timestamp, payload);
        var matched = false;
        foreach (var signature in signatures)
        {
            // Every candidate is compared, so timing says nothing about which one (if any) matched.
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        return matched
            ? Parse(payload)
            : StripeWebhookResult.Rejected(
                StripeWebhookFailure.SignatureMismatch, "No v1 signature matches the payload.");
    }

    /// <summary>HMAC-SHA256(secret, "{timestamp}.{payload}"): what Stripe puts, hex-encoded, in <c>v1</c>.</summary>
    public static byte[] ComputeSignature(string secret, long timestamp, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool TryParseHeader(string header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        var hasTimestamp = false;
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var key = item[..separator];
            var value = item[(separator + 1)..];
            if (key == TimestampKey && !hasTimestamp)
            {
                hasTimestamp = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
            }
            else if (key == SignatureScheme && TryDecodeHex(value, out var signature))
            {
                signatures.Add(signature);
            }
        }

        // Other schemes (v0 is test-mode only) are ignored, as Stripe's own libraries do.
        return hasTimestamp && signatures.Count > 0;
    }

    private static bool TryDecodeHex(string hex, out byte[] bytes)
    {
        const int Sha256HexLength = 64;
        bytes = [];
        if (hex.Length != Sha256HexLength)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static StripeWebhookResult Parse(ReadOnlySpan<byte> payload)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(payload);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            return StripeWebhookResult.Rejected(StripeWebhookFailure.MalformedPayload, exception.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            var id = root.String("id");
            var type = root.String("type");
            var created = root.Int64("created");
            var data = root.Object("data").Object("object");
            if (id is null || type is null || created is null || data.ValueKind != JsonValueKind.Object)
            {
                return StripeWebhookResult.Rejected(
                    StripeWebhookFailure.MalformedPayload, "Event lacks id, type, created or data.object.");
            }

            return StripeWebhookResult.Verified(ReadEvent(id, type, created.Value, root.Boolean("livemode") ?? false, data));
        }
    }

    private static StripeWebhookEvent ReadEvent(string id, string type, long created, bool liveMode, JsonElement data)
    {
        var kind = type switch
        {
            "payment_intent.succeeded" => StripeWebhookEventKind.PaymentSucceeded,
            "payment_intent.payment_failed" => StripeWebhookEventKind.PaymentFailed,
            "charge.refunded" => StripeWebhookEventKind.ChargeRefunded,
            "charge.dispute.created" => StripeWebhookEventKind.DisputeCreated,
            _ => StripeWebhookEventKind.Ignored,
        };
        var objectType = data.String("object");
        var amount = data.Int64("amount");
        var refunded = data.Int64("amount_refunded");
        var lastError = data.Object("last_payment_error");
        var orderId = Guid.TryParse(data.Object("metadata").String("order_id"), out var parsed) ? parsed : (Guid?)null;
        return new StripeWebhookEvent(
            EventId: id,
            Type: type,
            Kind: kind,
            Created: DateTimeOffset.FromUnixTimeSeconds(created),
            LiveMode: liveMode,
            PaymentIntentId: objectType == "payment_intent" ? data.String("id") : data.Id("payment_intent"),
            OrderId: orderId,
            AmountCop: amount is { } a ? StripeAmounts.ToPesos(a) : null,
            AmountRefundedCop: refunded is { } r ? StripeAmounts.ToPesos(r) : null,
            ChargeId: objectType switch
            {
                "charge" => data.String("id"),
                "dispute" => data.Id("charge"),
                _ => data.Id("latest_charge"),
            },
            DisputeId: objectType == "dispute" ? data.String("id") : null,
            FailureReason: kind switch
            {
                StripeWebhookEventKind.PaymentFailed =>
                    lastError.String("decline_code") ?? lastError.String("code") ?? lastError.String("message"),
                StripeWebhookEventKind.DisputeCreated => data.String("reason"),
                _ => null,
            });
    }
}
