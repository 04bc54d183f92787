using Scalar.AspNetCore;

namespace Fashionistas.Web.Api.Reference;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) with the bearer scheme and every status a route answers, and the
/// Scalar reference over it at <see cref="Path"/>, where an integrator signs in and tries the routes.
/// </summary>
public static class ApiReference
{
    /// <summary>Where the API reference page is served.</summary>
    public const string Path = "/scalar";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ReferenceDocumentTransformer>();
            o.AddOperationTransformer<CommonAnswersTransformer>();
        });

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(Path, o => o
            .WithTitle(ReferenceDocumentTransformer.Title)
            .AddPreferredSecuritySchemes(ReferenceDocumentTransformer.SchemeName)
            .DisableDefaultFonts() // the page loads nothing from other origins: the CSP would refuse it
            .DisableTelemetry());
        return app;
    }
}
