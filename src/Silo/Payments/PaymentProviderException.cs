namespace Fashionistas.Silo.Payments;

/// <summary>
/// The provider could not give a business answer: it was unreachable or failing after the bounded
/// retries (<see cref="IsTransient"/> true: try again later with the same idempotency key), or it
/// rejected the request itself (bad key, invalid parameters: a bug or a misconfiguration).
/// </summary>
public sealed class PaymentProviderException : Exception
{
    public PaymentProviderException(string message)
        : base(message)
    {
    }

    public PaymentProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PaymentProviderException(
        string message, bool isTransient, int? httpStatus, string? errorType, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        HttpStatus = httpStatus;
        ErrorType = errorType;
        ErrorCode = errorCode;
    }

    public PaymentProviderException()
    {
    }

    /// <summary>True when retrying later with the same idempotency key may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>The provider's HTTP status, when it answered.</summary>
    public int? HttpStatus { get; }

    /// <summary>The provider's error type, e.g. Stripe's <c>invalid_request_error</c>.</summary>
    public string? ErrorType { get; }

    /// <summary>The provider's error code, e.g. Stripe's <c>parameter_missing</c>.</summary>
    public string? ErrorCode { get; }
}
