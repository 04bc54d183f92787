using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Stripe over its REST API: a PaymentIntent per order (<c>POST /v1/payment_intents</c>), its cancellation
/// (<c>POST /v1/payment_intents/{id}/cancel</c>) and refunds (<c>POST /v1/refunds</c>). A typed <see cref="HttpClient"/> whose base address is
/// <see cref="StripeOptions.BaseUrl"/>; transient failures are retried by <see cref="StripeRetryPipeline"/>
/// with the caller's idempotency key, so Stripe applies each request at most once.
/// </summary>
public sealed class StripePaymentProvider(
    HttpClient http,
    StripeRetryPipeline retry,
    IOptions<PaymentOptions> options,
    ILogger<StripePaymentProvider> logger) : IPaymentProvider
{
    private const string PaymentIntentsPath = "v1/payment_intents";
    private const string RefundsPath = "v1/refunds";
    private const int PaymentRequiredStatus = 402;
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

        var form = new List<KeyValuePair<string, string>>
        {
            new("amount", StripeAmounts.ToStripeAmount(request.AmountCop).ToString(CultureInfo.InvariantCulture)),
            new("currency", StripeAmounts.Currency),
            new("description", request.Description),
            new("metadata[order_id]", request.OrderId.ToString()),
            new("automatic_payment_methods[enabled]", "true"),
        };
        if (!string.IsNullOrWhiteSpace(request.BuyerEmail))
        {
            form.Add(new("receipt_email", request.BuyerEmail));
        }

        var result = await PostAsync(PaymentIntentsPath, form, request.IdempotencyKey, cancellationToken);
        if (result.IsSuccess)
        {
            return ReadPaymentIntent(result.Body, request.OrderId);
        }

        var error = StripeError.Parse(result.Body);
        if (result.StatusCode == PaymentRequiredStatus
            || (error.Code is not null && PaymentRefusalCodes.Contains(error.Code)))
        {
            var reason = error.Reason ?? "card_declined";
            logger.LogInformation(
                "Stripe declined payment for order {OrderId}: {DeclineReason}", request.OrderId, reason);
            return PaymentStart.Declined(error.PaymentIntentId, reason);
        }

        throw Failure("create payment intent", result, error);
    }

    public async Task<RefundResult> RefundAsync(
        string providerReference, long amountCop, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerReference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCop);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        KeyValuePair<string, string>[] form =
        [
            new("payment_intent", providerReference),
            new("amount", StripeAmounts.ToStripeAmount(amountCop).ToString(CultureInfo.InvariantCulture)),
        ];
        var result = await PostAsync(RefundsPath, form, idempotencyKey, cancellationToken);
        if (result.IsSuccess)
        {
            return ReadRefund(result.Body, providerReference);
        }

        var error = StripeError.Parse(result.Body);
        if (error.Code is not null && RefundRefusalCodes.Contains(error.Code))
        {
            logger.LogInformation(
                "Stripe refused refund for {PaymentReference}: {FailureReason}", providerReference, error.Code);
            return RefundResult.Failed(null, error.Code);
        }

        throw Failure("create refund", result, error);
    }

    public async Task<PaymentCancelResult> CancelAsync(string providerReference, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        KeyValuePair<string, string>[] form = [new("cancellation_reason", "requested_by_customer")];
        var result = await PostAsync(
            $"{PaymentIntentsPath}/{Uri.EscapeDataString(providerReference)}/cancel", form, idempotencyKey, cancellationToken);
        string? status;
        if (result.IsSuccess)
        {
            status = ParseObject(result.Body, "payment intent").String("status");
        }
        else
        {
            // Stripe refuses to cancel an intent that is already canceled, succeeded or processing, and names its status.
            var error = StripeError.Parse(result.Body);
            if (error.Code != UnexpectedState)
            {
                throw Failure("cancel payment intent", result, error);
            }

            status = ParseObject(result.Body, "error").Object("error").Object("payment_intent").String("status");
            logger.LogInformation("Stripe payment {PaymentReference} is {PaymentStatus}; not cancelled now", providerReference, status);
        }

        return status == Canceled ? PaymentCancelResult.Cancelled(status) : PaymentCancelResult.NotCancellable(status);
    }

    private PaymentStart ReadPaymentIntent(string body, Guid orderId)
    {
        var intent = ParseObject(body, "payment intent");
        var id = intent.String("id") ?? throw new PaymentProviderException("Stripe payment intent has no id.");
        var status = intent.String("status");
        var lastError = intent.Object("last_payment_error");
        switch (status)
        {
            case "succeeded":
                return PaymentStart.Succeeded(id);
            case "canceled":
                return PaymentStart.Declined(id, intent.String("cancellation_reason") ?? "canceled");
            case "requires_payment_method" when lastError.ValueKind == JsonValueKind.Object:
                var reason = lastError.String("decline_code") ?? lastError.String("code") ?? "payment_failed";
                logger.LogInformation("Stripe declined payment for order {OrderId}: {DeclineReason}", orderId, reason);
                return PaymentStart.Declined(id, reason);
            default:
                // requires_payment_method / requires_confirmation / requires_action / processing:
                // the browser finishes with the client secret, the webhook tells us the outcome.
                return PaymentStart.RequiresAction(id, intent.String("client_secret"));
        }
    }

    private static RefundResult ReadRefund(string body, string providerReference)
    {
        var refund = ParseObject(body, "refund");
        var id = refund.String("id")
            ?? throw new PaymentProviderException($"Stripe refund for {providerReference} has no id.");
        return refund.String("status") switch
        {
            "succeeded" => RefundResult.Succeeded(id),
            "failed" or "canceled" => RefundResult.Failed(id, refund.String("failure_reason") ?? refund.String("status")!),
            _ => RefundResult.Pending(id),
        };
    }

    private async Task<StripeHttpResult> PostAsync(
        string path,
        IEnumerable<KeyValuePair<string, string>> form,
        string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var stripe = options.Value.Stripe;
        try
        {
            return await retry.Pipeline.ExecuteAsync(
                async token =>
                {
                    // A request message can be sent once: each attempt builds its own, same key.
                    using var message = new HttpRequestMessage(HttpMethod.Post, path)
                    {
                        Content = new FormUrlEncodedContent(form),
                    };
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", stripe.SecretKey);
                    message.Headers.Add("Idempotency-Key", idempotencyKey);
                    if (!string.IsNullOrWhiteSpace(stripe.ApiVersion))
                    {
                        message.Headers.Add("Stripe-Version", stripe.ApiVersion);
                    }

                    using var response = await http.SendAsync(message, token);
                    var body = await response.Content.ReadAsStringAsync(token);
                    return new StripeHttpResult((int)response.StatusCode, body, ReadShouldRetry(response));
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(exception, "Stripe unreachable for {StripePath} after retries", path);
            throw new PaymentProviderException(
                "Stripe could not be reached; retry later with the same idempotency key.",
                isTransient: true,
                httpStatus: null,
                errorType: null,
                errorCode: null,
                exception);
        }
    }

    private static bool? ReadShouldRetry(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Stripe-Should-Retry", out var values)
        && bool.TryParse(values.FirstOrDefault(), out var shouldRetry)
            ? shouldRetry
            : null;

    private static JsonElement ParseObject(string body, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new PaymentProviderException($"Stripe returned a {what} that is not JSON.", exception);
        }
    }

    private PaymentProviderException Failure(string operation, StripeHttpResult result, StripeError error)
    {
        var transient = StripeRetryPipeline.IsRetryable(Polly.Outcome.FromResult(result), CancellationToken.None);
        logger.LogWarning(
            "Stripe could not {StripeOperation}: HTTP {StatusCode} {ErrorType} {ErrorCode} {ErrorMessage}",
            operation, result.StatusCode, error.Type, error.Code, error.Message);
        return new PaymentProviderException(
            $"Stripe could not {operation}: HTTP {result.StatusCode} {error.Type} {error.Code} {error.Message}".TrimEnd(),
            transient,
            result.StatusCode,
            error.Type,
            error.Code);
    }
}
