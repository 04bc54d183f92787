namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>Why a webhook delivery was rejected (answer 400; Stripe retries deliveries it thinks failed).</summary>
public enum StripeWebhookFailure
{
    /// <summary>No <c>Payments:Stripe:WebhookSecret</c> is configured, so nothing can be trusted.</summary>
    NotConfigured,

    /// <summary>The request has no <c>Stripe-Signature</c> header.</summary>
    MissingSignature,

    /// <summary>The header has no numeric <c>t=</c> or no <c>v1=</c> entry.</summary>
    MalformedSignature,

    /// <summary>The signed timestamp is further from now than the tolerance: a replay or a bad clock.</summary>
    TimestampOutsideTolerance,

    /// <summary>No <c>v1</c> signature matches the payload: forged, tampered, or signed with another secret.</summary>
    SignatureMismatch,

    /// <summary>Correctly signed, but not a Stripe event object.</summary>
    MalformedPayload,
}
