using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fashionistas.Web.Api.Reference;

/// <summary>Declares the bearer scheme (the access token from <c>POST /api/auth/login</c>) in the OpenAPI document.</summary>
internal sealed class BearerSchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken of POST /api/auth/login, sent as Authorization: Bearer <token>.",
        };
        return Task.CompletedTask;
    }
}
