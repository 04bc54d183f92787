using System.Net;
using Microsoft.Extensions.Logging;
using StripeException = global::Stripe.StripeException;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Runs one Stripe.net call (its retries included) and turns what went wrong into a <see cref="PaymentProviderException"/>
/// that says whether trying again later can help; the <see cref="StripeException"/> stays its inner exception, so
/// callers can read a refusal (decline, unexpected state) as the business answer it is.
/// </summary>
internal static class StripeCalls
{
    private const string ShouldRetryHeader = "Stripe-Should-Retry";

    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (StripeException exception) when (exception.HttpStatusCode != 0)
        {
            var error = exception.StripeError;
            logger.LogWarning(
                "Stripe could not {StripeOperation}: HTTP {StatusCode} {ErrorType} {ErrorCode} {ErrorMessage}",
                operation, (int)exception.HttpStatusCode, error?.Type, error?.Code, error?.Message ?? exception.Message);
            throw new PaymentProviderException(
                $"Stripe could not {operation}: HTTP {(int)exception.HttpStatusCode} {error?.Type} {error?.Code} {error?.Message}".TrimEnd(),
                IsTransient(exception),
                (int)exception.HttpStatusCode,
                error?.Type,
                error?.Code,
                exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or StripeException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer at all (refused connection, timeouts) after Stripe.net's retries.
            logger.LogWarning(exception, "Stripe unreachable to {StripeOperation} after retries", operation);
            throw new PaymentProviderException(
                "Stripe could not be reached; retry later with the same idempotency key.",
                isTransient: true,
                httpStatus: null,
                errorType: null,
                errorCode: null,
                exception.InnerException is HttpRequestException inner ? inner : exception);
        }
    }

    private static bool IsTransient(StripeException exception)
    {
        var headers = exception.StripeResponse?.Headers;
        if (headers is not null && headers.TryGetValues(ShouldRetryHeader, out var values)
            && bool.TryParse(values.FirstOrDefault(), out var shouldRetry))
        {
            return shouldRetry;
        }

        return exception.HttpStatusCode is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests
            || (int)exception.HttpStatusCode >= 500;
    }
}
