using System.Text.Json;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>Stripe's error body: <c>{"error":{"type","code","decline_code","message","payment_intent"}}</c>.</summary>
internal sealed record StripeError(
    string? Type, string? Code, string? DeclineCode, string? Message, string? PaymentIntentId)
{
    public static StripeError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement.Object("error");
            return new StripeError(
                error.String("type"),
                error.String("code"),
                error.String("decline_code"),
                error.String("message"),
                error.Id("payment_intent"));
        }
        catch (JsonException)
        {
            return new StripeError(null, null, null, null, null);
        }
    }

    /// <summary>The most specific reason: the issuer's decline code, else Stripe's error code.</summary>
    public string? Reason => DeclineCode ?? Code;
}
