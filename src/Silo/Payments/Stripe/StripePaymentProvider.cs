using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentIntent = global::Stripe.PaymentIntent;
using PaymentIntentAutomaticPaymentMethodsOptions = global::Stripe.PaymentIntentAutomaticPaymentMethodsOptions;
using PaymentIntentCancelOptions = global::Stripe.PaymentIntentCancelOptions;
using PaymentIntentCreateOptions = global::Stripe.PaymentIntentCreateOptions;
using PaymentIntentService = global::Stripe.PaymentIntentService;
using RefundCreateOptions = global::Stripe.RefundCreateOptions;
using RequestOptions = global::Stripe.RequestOptions;
using SessionService = global::Stripe.Checkout.SessionService;
using StripeException = global::Stripe.StripeException;
using StripeRefundService = global::Stripe.RefundService;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Stripe through Stripe.net: a hosted Checkout Session per order (<see cref="StripeCheckoutSessions"/>), or a bare
/// PaymentIntent in <c>intent</c> mode; cancelling (expiring a session, cancelling an intent) and refunds. Every call
/// carries the caller's idempotency key, so Stripe.net's retries never apply a request twice.
/// </summary>
public sealed class StripePaymentProvider(
    StripeClients clients,
    StripeCheckoutSessions sessions,
    IOptions<PaymentOptions> options,
    ILogger<StripePaymentProvider> logger) : IPaymentProvider
{
    private const string UnexpectedState = "payment_intent_unexpected_state";
    private const string Canceled = "canceled";

    // Request errors that are answers about this payment, not bugs in ours.
    private static readonly HashSet<string> PaymentRefusalCodes =
        new(StringComparer.Ordinal) { "amount_too_small", "amount_too_large", "email_invalid" };

    private static readonly HashSet<string> RefundRefusalCodes = new(StringComparer.Ordinal)
    {
        "charge_already_refunded",
        "charge_disputed",
        "amount_too_large",
        "balance_insufficient",
        "payment_intent_unexpected_state",
    };

    public string Name => PaymentProviderNames.Stripe;

    public async Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.AmountCop);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);

        if (options.Value.Stripe.CheckoutMode == StripeCheckoutModes.Hosted && request.Return is not null)
        {
            return await StripeCalls.RunAsync(
                "create checkout session", () => sessions.CreateAsync(request, cancellationToken), logger, cancellationToken);
        }

        var create = new PaymentIntentCreateOptions
        {
            Amount = StripeAmounts.ToStripeAmount(request.AmountCop),
            Currency = StripeAmounts.Currency,
            Description = request.Description,
            Metadata = new Dictionary<string, string> { [StripeMetadata.OrderId] = request.OrderId.ToString() },
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
            ReceiptEmail = string.IsNullOrWhiteSpace(request.BuyerEmail) ? null : request.BuyerEmail,
        };
        try
        {
            var intent = await StripeCalls.RunAsync(
                "create payment intent",
                () => new PaymentIntentService(clients.Create()).CreateAsync(create, Key(request.IdempotencyKey), cancellationToken),
                logger,
                cancellationToken);
            return ReadPaymentIntent(intent, request.OrderId);
        }
        catch (PaymentProviderException exception) when (exception.InnerException is StripeException stripe
            && (stripe.HttpStatusCode == HttpStatusCode.PaymentRequired
                || (stripe.StripeError?.Code is { } code && PaymentRefusalCodes.Contains(code))))
        {
            var reason = stripe.StripeError?.DeclineCode ?? stripe.StripeError?.Code ?? "card_declined";
            logger.LogInformation("Stripe declined payment for order {OrderId}: {DeclineReason}", request.OrderId, reason);
            return PaymentStart.Declined(stripe.StripeError?.PaymentIntent?.Id, reason);
        }
    }

    public async Task<RefundResult> RefundAsync(
        string providerReference, long amountCop, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerReference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCop);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        try
        {
            return await StripeCalls.RunAsync(
                "create refund",
                async () =>
                {
                    // An order paid on the hosted page may still name its session: the money sits in its intent.
                    var paymentIntentId = StripeCheckoutSessions.IsSession(providerReference)
                        ? await sessions.PaymentIntentOfAsync(providerReference, cancellationToken)
                        : providerReference;
                    var refund = await new StripeRefundService(clients.Create()).CreateAsync(
                        new RefundCreateOptions { PaymentIntent = paymentIntentId, Amount = StripeAmounts.ToStripeAmount(amountCop) },
                        Key(idempotencyKey),
                        cancellationToken);
                    return refund.Status switch
                    {
                        "succeeded" => RefundResult.Succeeded(refund.Id),
                        "failed" or "canceled" => RefundResult.Failed(refund.Id, refund.FailureReason ?? refund.Status),
                        _ => RefundResult.Pending(refund.Id),
                    };
                },
                logger,
                cancellationToken);
        }
        catch (PaymentProviderException exception) when (exception.ErrorCode is { } code && RefundRefusalCodes.Contains(code))
        {
            logger.LogInformation("Stripe refused refund for {PaymentReference}: {FailureReason}", providerReference, code);
            return RefundResult.Failed(null, code);
        }
    }

    public async Task<PaymentCancelResult> CancelAsync(string providerReference, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        if (StripeCheckoutSessions.IsSession(providerReference))
        {
            return await StripeCalls.RunAsync(
                "expire checkout session", () => sessions.ExpireAsync(providerReference, idempotencyKey, cancellationToken), logger, cancellationToken);
        }

        string? status;
        try
        {
            var intent = await StripeCalls.RunAsync(
                "cancel payment intent",
                () => new PaymentIntentService(clients.Create()).CancelAsync(
                    providerReference, new PaymentIntentCancelOptions { CancellationReason = "requested_by_customer" }, Key(idempotencyKey), cancellationToken),
                logger,
                cancellationToken);
            status = intent.Status;
        }
        catch (PaymentProviderException exception) when (exception.ErrorCode == UnexpectedState && exception.InnerException is StripeException stripe)
        {
            // Stripe refuses to cancel an intent that is already canceled, succeeded or processing, and names its status.
            status = stripe.StripeError?.PaymentIntent?.Status;
            logger.LogInformation("Stripe payment {PaymentReference} is {PaymentStatus}; not cancelled now", providerReference, status);
        }

        return status == Canceled ? PaymentCancelResult.Cancelled(status) : PaymentCancelResult.NotCancellable(status);
    }

    internal static RequestOptions Key(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    private PaymentStart ReadPaymentIntent(PaymentIntent intent, Guid orderId)
    {
        var lastError = intent.LastPaymentError;
        switch (intent.Status)
        {
            case "succeeded":
                return PaymentStart.Succeeded(intent.Id);
            case Canceled:
                return PaymentStart.Declined(intent.Id, intent.CancellationReason ?? Canceled);
            case "requires_payment_method" when lastError is not null:
                var reason = lastError.DeclineCode ?? lastError.Code ?? "payment_failed";
                logger.LogInformation("Stripe declined payment for order {OrderId}: {DeclineReason}", orderId, reason);
                return PaymentStart.Declined(intent.Id, reason);
            default:
                // requires_payment_method / requires_confirmation / requires_action / processing:
                // the integrator's page finishes with the client secret, the webhook tells us the outcome.
                return PaymentStart.RequiresAction(intent.Id, intent.ClientSecret);
        }
    }
}
