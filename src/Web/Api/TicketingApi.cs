using System.Text.Json.Serialization;
using Fashionistas.Silo.Waitlist;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Fashionistas.Web.Health;
using Fashionistas.Web.Live;
using Fashionistas.Web.Media;
using Fashionistas.Web.Observability;
using Fashionistas.Web.Operations;
using Fashionistas.Web.Security;
using Fashionistas.Web.WaitingRoom;

namespace Fashionistas.Web.Api;

/// <summary>The HTTP face of the product: API, auth, errors, limits, OpenAPI, telemetry.</summary>
public static class TicketingApi
{
    /// <summary>Largest request body the API reads (JSON only; 64 KiB).</summary>
    private const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddTicketingApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // The framework's own 400s (unreadable JSON, wrong types, missing body) get a title that says what to fix.
            if (c.ProblemDetails is { Status: StatusCodes.Status400BadRequest, Title: "Bad Request" })
            {
                c.ProblemDetails.Title = "The request is malformed: send a JSON body with the documented fields and types.";
            }
        });
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.AddApiReference();
        services.AddTransportSecurity(builder.Configuration);
        services.AddTicketingAuth(builder.Configuration);
        services.AddTicketingRateLimits(builder.Configuration);
        services.AddTelemetry(builder.Configuration);
        services.AddHealth();
        services.AddLiveUpdates(builder.Configuration);
        services.AddWaitingRoomGate(builder.Configuration);
        services.AddIndustryApi();
        return builder;
    }

    public static WebApplication MapTicketingApi(this WebApplication app)
    {
        app.UseTransportSecurity();
        app.UseSecurityHeaders(ApiReference.Path);
        app.UsePrometheusScraping();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseMediaFiles();
        app.UseAuthentication();
        app.UseCurrentRights();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapApiReference();
        app.MapHealth();
        app.MapAuthApi();
        app.MapAccountApi();
        app.MapMessagesApi();
        app.MapUsersApi();
        app.MapEventsApi();
        app.MapMyEventsApi();
        app.MapHoldsApi().MapGroupHoldsApi();
        app.MapQueueApi().MapWaitingRoomApi();
        app.MapWaitlistApi();
        app.MapCheckoutApi().MapOrdersApi().MapEventOrdersApi().MapGuestListApi().MapStaffApi().MapTicketsApi().MapAttendeesApi().MapCheckInApi().MapWebhooksApi();
        app.MapIndustryApi();
        app.MapAllocationsApi();
        app.MapLiveHub();
        app.MapOrleansDashboardForAdmins();
        app.MapFallback("/api/{**path}", () => Problems.NotFound("No such API route."));
        return app;
    }
}
