using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Errors;

/// <summary>The application/problem+json answers the API gives, each with a clear title.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    public static ProblemHttpResult Forbidden(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Unauthorized(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult BadRequest(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Seconds a client should wait before retrying a call the payment provider did not answer.</summary>
    public const int ProviderRetryAfterSeconds = 5;

    /// <summary>
    /// The payment provider did not answer: 503 with Retry-After when retrying may help (<paramref name="transient"/>),
    /// else 502.
    /// </summary>
    public static ProblemHttpResult ProviderUnavailable(HttpResponse response, string title, bool transient = true)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (transient)
        {
            response.Headers.RetryAfter = ProviderRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(
            title: title, statusCode: transient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway);
    }

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.");
}
