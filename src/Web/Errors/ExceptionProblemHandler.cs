using System.Globalization;
using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Fashionistas.Web.Errors;

/// <summary>
/// Turns failures into problem+json: a busy grain is 503 with Retry-After, an unreachable, stuck or restarting
/// database 503 with Retry-After (fail fast, recover by itself; see <see cref="StorageFaults"/>), a bad request its own
/// 4xx; anything else, including a database error that retrying cannot fix, a 500 that reveals nothing.
/// </summary>
internal sealed class ExceptionProblemHandler(IProblemDetailsService problems, ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    /// <summary>Retry-After of a 503 for an unreachable database: long enough not to hammer it, short enough to notice it is back.</summary>
    private const int UnavailableRetrySeconds = 2;

    private static readonly (int Status, string Title, int RetryAfter) Unavailable =
        (StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable; please retry.", UnavailableRetrySeconds);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, retryAfter) = exception switch
        {
            GrainBusyException busy => (StatusCodes.Status503ServiceUnavailable, "Too many buyers at once; please retry.",
                (int)Math.Ceiling(busy.RetryAfter.TotalSeconds)),
            BadHttpRequestException bad => (bad.StatusCode, BadRequestTitle(bad.StatusCode), 0),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed the request.", 0),
            GrainUnavailableException => Unavailable,
            // Orleans could not reach the grain's silo or answer in time (a silo leaving, a cluster overloaded): the
            // call may not have happened; a retry finds the grain on a live silo.
            Orleans.Runtime.LimitExceededException or Orleans.Runtime.OrleansMessageRejectionException or TimeoutException => Unavailable,
            _ when StorageFaults.IsTransient(exception) => Unavailable,
            // A row another request deleted or created at the same moment: the caller can re-read and retry.
            _ when StorageFaults.IsConcurrentChange(exception) =>
                (StatusCodes.Status409Conflict, "The request conflicts with a concurrent change; reload and retry.", 0),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", 0),
        };

        if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Answered 503 on {Path}: {Error}: {Reason}", httpContext.Request.Path, exception.GetType().Name, exception.Message);
        }

        httpContext.Response.StatusCode = status;
        if (retryAfter > 0)
        {
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }

    private static string BadRequestTitle(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (application/json).",
        _ => "The request is malformed.",
    };
}
