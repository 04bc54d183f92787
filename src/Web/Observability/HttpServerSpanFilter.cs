using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Fashionistas.Web.Observability;

/// <summary>
/// Names and tags ASP.NET Core's request activity the way OpenTelemetry's HTTP semantic conventions expect
/// ("GET /api/events/{id}", method, route, path, status). The framework's activity carries none of that by itself, and
/// the instrumentation package that would add it is not in our registry. Runs first, so it sees every request.
/// </summary>
internal sealed class HttpServerSpanFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                if (activity is { IsAllDataRequested: true })
                {
                    Describe(activity, context);
                }
            }
        });
        next(app);
    };

    private static void Describe(Activity activity, HttpContext context)
    {
        var method = context.Request.Method;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var status = context.Response.StatusCode;
        activity.DisplayName = route is null ? method : $"{method} {route}";
        activity.SetTag("http.request.method", method);
        activity.SetTag("url.path", context.Request.Path.Value);
        activity.SetTag("http.route", route);
        activity.SetTag("http.response.status_code", status);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
