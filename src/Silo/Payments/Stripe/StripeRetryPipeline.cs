using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Bounded, jittered exponential retries for Stripe calls. Only failures that Stripe documents as
/// safe to retry are retried (network errors, timeouts, 409, 429, 5xx, or its explicit
/// <c>Stripe-Should-Retry</c> header), and the caller reuses the same idempotency key on every
/// attempt, so a retry can never charge twice. One instance per application (singleton).
/// </summary>
public sealed class StripeRetryPipeline
{
    private const int ConflictStatus = 409;
    private const int TooManyRequestsStatus = 429;
    private const int FirstServerErrorStatus = 500;

    public StripeRetryPipeline(
        IOptions<PaymentOptions> options, TimeProvider timeProvider, ILogger<StripeRetryPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stripe = options.Value.Stripe;
        var builder = new ResiliencePipelineBuilder<StripeHttpResult> { TimeProvider = timeProvider };
        if (stripe.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<StripeHttpResult>
            {
                MaxRetryAttempts = stripe.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = stripe.RetryBaseDelay,
                MaxDelay = stripe.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        args.Outcome.Exception,
                        "Stripe call attempt {Attempt} failed with status {StatusCode}; retrying in {RetryDelay}",
                        args.AttemptNumber + 1,
                        args.Outcome.Result?.StatusCode,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        Pipeline = builder.Build();
    }

    internal ResiliencePipeline<StripeHttpResult> Pipeline { get; }

    internal static bool IsRetryable(Outcome<StripeHttpResult> outcome, CancellationToken callerToken)
    {
        if (outcome.Exception is { } exception)
        {
            // A cancelled caller stops; an HttpClient timeout (cancellation nobody asked for) is retried.
            return exception is HttpRequestException
                || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);
        }

        var result = outcome.Result;
        if (result is null || result.IsSuccess)
        {
            return false;
        }

        return result.ShouldRetry
            ?? result.StatusCode is ConflictStatus or TooManyRequestsStatus or >= FirstServerErrorStatus;
    }
}
