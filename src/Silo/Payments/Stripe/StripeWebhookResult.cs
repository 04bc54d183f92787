using System.Diagnostics.CodeAnalysis;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>The outcome of <see cref="StripeWebhookVerifier.Verify(string, string?)"/>: an event, or why not.</summary>
public sealed record StripeWebhookResult
{
    private StripeWebhookResult(StripeWebhookEvent? @event, StripeWebhookFailure? failure, string? failureDetail)
    {
        Event = @event;
        Failure = failure;
        FailureDetail = failureDetail;
    }

    /// <summary>The verified event; set exactly when <see cref="IsVerified"/>.</summary>
    public StripeWebhookEvent? Event { get; }

    /// <summary>Why verification failed; null when verified.</summary>
    public StripeWebhookFailure? Failure { get; }

    /// <summary>A human-readable explanation for logs (never includes the secret).</summary>
    public string? FailureDetail { get; }

    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsVerified => Event is not null;

    public static StripeWebhookResult Verified(StripeWebhookEvent @event) => new(@event, null, null);

    public static StripeWebhookResult Rejected(StripeWebhookFailure failure, string detail) => new(null, failure, detail);
}
