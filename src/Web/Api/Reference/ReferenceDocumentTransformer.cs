using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fashionistas.Web.Api.Reference;

/// <summary>The document's title and its bearer scheme (the access token from <c>POST /api/auth/login</c>).</summary>
internal sealed class ReferenceDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public const string Title = "Fashionistas API";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info ??= new OpenApiInfo();
        document.Info.Title = Title;
        document.Info.Description = "Flash-sale ticketing for fashion events. Sign in with POST /api/auth/login and use its accessToken as the Bearer token.";
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
