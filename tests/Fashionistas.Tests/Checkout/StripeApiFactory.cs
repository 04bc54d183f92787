using System.Collections.Concurrent;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Integrations;
using Fashionistas.Tests.Payments;

namespace Fashionistas.Tests.Checkout;

/// <summary>
/// The whole server configured for Stripe, whose API is a local scripted server answering in Stripe's documented
/// shapes: payment intents (pending until the webhook), their cancellation (canceled, unless a test scripted another
/// answer in <see cref="CancelAnswers"/>), refunds (succeeded) and Checkout Sessions with their hosted page
/// (<see cref="Checkout"/>). Every request is recorded. Checkout makes bare payment intents here (<c>intent</c> mode);
/// <see cref="HostedStripeApiFactory"/> sends buyers to the hosted page.
/// </summary>
public class StripeApiFactory : ApiFactory, IAsyncLifetime
{
    public const string WebhookSecret = "whsec_checkout_tests";

    private ScriptedHttpServer? _stripe;

    /// <summary>What <c>POST /v1/payment_intents/{id}/cancel</c> answers for an intent id, instead of "canceled".</summary>
    public ConcurrentDictionary<string, ScriptedResponse> CancelAnswers { get; } = new(StringComparer.Ordinal);

    public ScriptedHttpServer Stripe => _stripe ?? throw new InvalidOperationException("Not started.");

    public FakeStripeCheckout Checkout { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => StripeSettings();

    protected Dictionary<string, string?> StripeSettings() => new()
    {
        ["Payments:Stripe:SecretKey"] = "sk_test_checkout",
        ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
        ["Payments:Stripe:BaseUrl"] = Stripe.BaseAddress.ToString(),
        ["Payments:Stripe:MaxRetries"] = "0",
        ["Payments:Stripe:CheckoutMode"] = "intent",
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        _stripe = await ScriptedHttpServer.StartAsync((request, number) =>
            CancelledIntent(request.Path) is { } cancelled
                ? CancelAnswers.GetValueOrDefault(cancelled) ?? ScriptedResponse.Json(200, StripeResponses.PaymentIntent(cancelled, "canceled", 100, Guid.Empty))
                : Checkout.Answer(request, Stripe.BaseAddress) ?? Answer(request, number));
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    /// <summary>The payment intent id the fake gives an order.</summary>
    public static string PaymentIntentOf(Guid orderId) => $"pi_{orderId:N}";

    /// <summary>The intent id of a cancel request's path (<c>/v1/payment_intents/{id}/cancel</c>), else null.</summary>
    private static string? CancelledIntent(string path) =>
        path.StartsWith("/v1/payment_intents/", StringComparison.Ordinal) && path.EndsWith("/cancel", StringComparison.Ordinal)
            ? path["/v1/payment_intents/".Length..^"/cancel".Length]
            : null;

    private static ScriptedResponse Answer(RecordedRequest request, int number)
    {
        var form = request.Form;
        return request.Path switch
        {
            "/v1/payment_intents" => ScriptedResponse.Json(200, StripeResponses.PaymentIntent(
                PaymentIntentOf(Guid.Parse(form["metadata[order_id]"])), "requires_payment_method", long.Parse(form["amount"]), Guid.Parse(form["metadata[order_id]"]))),
            "/v1/refunds" => ScriptedResponse.Json(200, StripeResponses.Refund(
                $"re_{number}", form["payment_intent"], long.Parse(form["amount"]), "succeeded")),
            _ => ScriptedResponse.Json(404, StripeResponses.Error("invalid_request_error", "resource_missing", "Unrecognized request URL.")),
        };
    }
}
