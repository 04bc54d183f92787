using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Fashionistas.Web.Api.Reference;

/// <summary>
/// The answers that come from the route's policies rather than its handler, declared on every operation they apply
/// to: the bearer requirement with 401 (signed-in routes), 403 (routes limited to roles), 429 (rate-limited routes)
/// and 503 (every API route: the database or a busy ticket type; retry after Retry-After).
/// </summary>
internal sealed class CommonAnswersTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var answers = new List<(int Status, string Description)>();
        if (authorize.Count > 0 && !anonymous)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ReferenceDocumentTransformer.SchemeName, context.Document)] = [] });
            answers.Add((StatusCodes.Status401Unauthorized, "No valid access token."));
            if (authorize.Any(a => a.Policy is not null || a.Roles is not null))
            {
                answers.Add((StatusCodes.Status403Forbidden, "The signed-in user lacks the role."));
            }
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<PurchaseEndpoint>().Any())
        {
            answers.Add((StatusCodes.Status429TooManyRequests, "Over a rate limit; retry after Retry-After."));
        }

        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        {
            answers.Add((StatusCodes.Status503ServiceUnavailable, "Busy or the database is unreachable; retry after Retry-After."));
        }

        if (answers.Count == 0)
        {
            return;
        }

        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        operation.Responses ??= [];
        foreach (var (status, description) in answers)
        {
            operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } },
            });
        }
    }
}
