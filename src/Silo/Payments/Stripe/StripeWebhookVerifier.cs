using System.Text;
using Microsoft.Extensions.Options;
using EventUtility = global::Stripe.EventUtility;
using StripeException = global::Stripe.StripeException;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Checks a webhook's <c>Stripe-Signature</c> header with Stripe.net (<see cref="EventUtility"/>: HMAC-SHA256 of
/// "<c>{t}.{raw body}</c>" with the endpoint secret, compared in constant time, and <c>t</c> within
/// <see cref="StripeOptions.WebhookTolerance"/> of our clock so a captured delivery cannot be replayed later), then
/// parses the event. Pass the raw body exactly as received: re-serialised JSON will not verify.
/// </summary>
public sealed class StripeWebhookVerifier(IOptions<PaymentOptions> options, TimeProvider timeProvider)
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Verifies a body read as text (UTF-8, as Stripe sends it).</summary>
    public StripeWebhookResult Verify(string payload, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(payload);
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

        try
        {
            EventUtility.ValidateSignature(
                payload,
                signatureHeader,
                stripe.WebhookSecret,
                (long)stripe.WebhookTolerance.TotalSeconds,
                timeProvider.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (StripeException exception)
        {
            return StripeWebhookResult.Rejected(Classify(exception.Message), exception.Message);
        }

        try
        {
            // Events of another API version than Stripe.net's carry the fields we read all the same.
            return StripeWebhookResult.Verified(StripeWebhookEventReader.Read(EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false)));
        }
        catch (Exception exception) when (exception is StripeException or FormatException or InvalidOperationException
            or Newtonsoft.Json.JsonException or System.Text.Json.JsonException)
        {
            return StripeWebhookResult.Rejected(StripeWebhookFailure.MalformedPayload, exception.Message);
        }
    }

    /// <summary>Verifies the raw body bytes.</summary>
    public StripeWebhookResult Verify(ReadOnlySpan<byte> payload, string? signatureHeader) =>
        Verify(Encoding.UTF8.GetString(payload), signatureHeader);

    // Stripe.net says why only in words; these are the words of its three refusals.
    private static StripeWebhookFailure Classify(string message) =>
        message.Contains("tolerance", StringComparison.OrdinalIgnoreCase) ? StripeWebhookFailure.TimestampOutsideTolerance
        : message.Contains("format", StringComparison.OrdinalIgnoreCase) ? StripeWebhookFailure.MalformedSignature
        : StripeWebhookFailure.SignatureMismatch;
}
