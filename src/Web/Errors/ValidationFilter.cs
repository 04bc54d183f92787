namespace Fashionistas.Web.Errors;

/// <summary>Answers 400 problem+json before the handler runs when the <typeparamref name="T"/> body is not valid.</summary>
public sealed class ValidationFilter<T> : IEndpointFilter where T : class, IValidatable
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var body = context.Arguments.OfType<T>().FirstOrDefault();
        if (body?.Validate() is { IsValid: false } validation)
        {
            return Problems.Invalid(validation.Errors);
        }

        return await next(context);
    }
}
