using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Messaging.Wati;
using Fashionistas.Silo.Payments.Stripe;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fashionistas.Web.Api;

/// <summary>Payment and messaging provider callbacks. Authenticated by signature over the raw body (or a shared secret), not by a user token.</summary>
public static class WebhooksApi
{
    /// <summary>Stripe events carry whole objects (charges with their history): allow more than the API's usual limit.</summary>
    private const long MaxStripeEventBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/stripe", Stripe)
            .WithTags("Webhooks")
            .AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(MaxStripeEventBytes));
        app.MapPost("/api/webhooks/wati", Wati).WithTags("Webhooks").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<WebhookAck>, ProblemHttpResult>> Stripe(
        HttpRequest request, StripeWebhookVerifier verifier, StripeWebhookHandler handler, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        // The signature covers the exact bytes sent: read them raw, never through a JSON binder.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var verified = verifier.Verify(body.GetBuffer().AsSpan(0, (int)body.Length), request.Headers[StripeWebhookVerifier.SignatureHeader]);
        if (!verified.IsVerified)
        {
            loggers.CreateLogger(typeof(WebhooksApi)).LogWarning(
                "Rejected Stripe webhook: {Failure} {Detail}", verified.Failure, verified.FailureDetail);
            // The reason (not configured, stale, bad signature) is logged above, never told to the caller.
            return Problems.BadRequest("The webhook signature is not valid.");
        }

        var outcome = await handler.HandleAsync(verified.Event, cancellationToken);
        return TypedResults.Ok(new WebhookAck(true, outcome.ToString().ToLowerInvariant()));
    }

    private static async Task<Results<Ok<WebhookAck>, ProblemHttpResult>> Wati(
        HttpRequest request, WatiWebhookVerifier verifier, WatiStatusWebhook statuses, ILoggerFactory loggers,
        CancellationToken cancellationToken, string? secret = null)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (!verifier.IsAuthentic(bytes.Span, request.Headers[WatiWebhookVerifier.SignatureHeader], secret))
        {
            loggers.CreateLogger(typeof(WebhooksApi)).LogWarning("Rejected a WATI webhook: bad or missing signature");
            return Problems.Unauthorized("The webhook signature is not valid.");
        }

        var status = await statuses.ApplyAsync(bytes, cancellationToken);
        return TypedResults.Ok(new WebhookAck(true, status ?? "ignored"));
    }
}
