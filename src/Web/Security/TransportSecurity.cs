using System.Globalization;
using System.Net;
using Fashionistas.Silo.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Security;

/// <summary>Trusted proxies (<see cref="ForwardedHeadersSettings"/>) and HSTS (<see cref="HstsSettings"/>).</summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ForwardedHeadersSettings, ForwardedHeadersSettingsValidator>(configuration.GetSection(ForwardedHeadersSettings.Section));
        services.AddValidatedOptions<HstsSettings>(configuration.GetSection(HstsSettings.Section));
        return services;
    }

    /// <summary>First in the pipeline, so limits, logs and HSTS see the client's address and scheme.</summary>
    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app)
    {
        var forwarded = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        if (forwarded.Enabled)
        {
            var options = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
                ForwardLimit = forwarded.ForwardLimit,
            };

            // Only what is configured: not even the framework's default of loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in forwarded.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in forwarded.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            app.UseForwardedHeaders(options);
        }

        var hsts = app.ApplicationServices.GetRequiredService<IOptions<HstsSettings>>().Value;
        if (hsts.Enabled)
        {
            var value = "max-age=" + ((long)hsts.MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                + (hsts.IncludeSubDomains ? "; includeSubDomains" : string.Empty) + (hsts.Preload ? "; preload" : string.Empty);
            app.Use((context, next) =>
            {
                // Browsers ignore it over plain HTTP, and sending it there would only mislead.
                if (context.Request.IsHttps)
                {
                    context.Response.Headers.StrictTransportSecurity = value;
                }

                return next(context);
            });
        }

        return app;
    }
}
