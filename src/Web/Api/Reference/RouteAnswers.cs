namespace Fashionistas.Web.Api.Reference;

/// <summary>
/// Declares the problem answers a handler gives besides its success: a handler returns one
/// <c>ProblemHttpResult</c> for 404, 409 and 400 alike, so the OpenAPI document learns each status from here.
/// 401/403/429/503 come from the route's policies (<see cref="CommonAnswersTransformer"/>).
/// </summary>
public static class RouteAnswers
{
    public static RouteHandlerBuilder Answers(this RouteHandlerBuilder route, params int[] problemStatuses)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(problemStatuses);
        foreach (var status in problemStatuses)
        {
            route.ProducesProblem(status);
        }

        return route;
    }
}
