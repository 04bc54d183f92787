namespace Fashionistas.Web.Errors;

public static class ValidationExtensions
{
    /// <summary>Validates the route's <typeparamref name="T"/> body (400 problem+json) before the handler.</summary>
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder route) where T : class, IValidatable =>
        route.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
