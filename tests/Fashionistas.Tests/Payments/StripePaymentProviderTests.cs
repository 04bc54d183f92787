using Fashionistas.Silo.Payments;
using Fashionistas.Silo.Payments.Stripe;
using Fashionistas.Tests.Integrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Payments;

public sealed class StripePaymentProviderTests
{
    private const string SecretKey = "sk_test_fashionistas";
    private const int MaxRetries = 2;
    private static readonly Guid OrderId = Guid.Parse("5f0c2a55-8a1e-4d7b-9a3e-0d7f6c1b2a90");

    [Fact]
    public async Task StartingAPaymentPostsAFormEncodedPaymentIntentWithBearerKeyAndIdempotencyKey()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(200, StripeResponses.PaymentIntent("pi_123", "requires_payment_method", 15_000_000, OrderId)));
        using var services = Services(stripe);

        var start = await Provider(services).StartAsync(Request(), CancellationToken.None);

        var request = Assert.Single(stripe.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/payment_intents", request.Path);
        Assert.Equal($"Bearer {SecretKey}", request.Header("Authorization"));
        Assert.Equal("order-5f0c-attempt-1", request.Header("Idempotency-Key"));
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        var form = request.Form;
        Assert.Equal("15000000", form["amount"]);
        Assert.Equal("cop", form["currency"]);
        Assert.Equal(OrderId.ToString(), form["metadata[order_id]"]);
        Assert.Equal("2 boletas General - Bogotá Fashion Week", form["description"]);
        Assert.Equal("true", form["automatic_payment_methods[enabled]"]);
        Assert.Equal("ana@example.com", form["receipt_email"]);
        Assert.Equal(PaymentStart.RequiresAction("pi_123", "pi_123_secret_abc123"), start);
    }

    [Fact]
    public async Task ASucceededPaymentIntentIsReportedAsSucceeded()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(200, StripeResponses.PaymentIntent("pi_ok", "succeeded", 15_000_000, OrderId)));
        using var services = Services(stripe);

        var start = await Provider(services).StartAsync(Request(), CancellationToken.None);

        Assert.Equal(PaymentStartStatus.Succeeded, start.Status);
        Assert.Equal("pi_ok", start.ProviderReference);
    }

    [Fact]
    public async Task ACardDeclinedErrorIsADeclineWithTheIssuersReasonNotAnException()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(402, StripeResponses.CardDeclined("pi_declined", "insufficient_funds")));
        using var services = Services(stripe);

        var start = await Provider(services).StartAsync(Request(), CancellationToken.None);

        Assert.Equal(PaymentStart.Declined("pi_declined", "insufficient_funds"), start);
        Assert.Single(stripe.Requests);
    }

    [Fact]
    public async Task AServerErrorIsRetriedWithTheSameIdempotencyKeyAndBody()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(500, StripeResponses.Error("api_error", null, "Something went wrong on Stripe's end.")),
            ScriptedResponse.Json(200, StripeResponses.PaymentIntent("pi_after_retry", "requires_payment_method", 15_000_000, OrderId)));
        using var services = Services(stripe);

        var start = await Provider(services).StartAsync(Request(), CancellationToken.None);

        Assert.Equal("pi_after_retry", start.ProviderReference);
        Assert.Equal(2, stripe.Requests.Count);
        Assert.All(stripe.Requests, request => Assert.Equal("order-5f0c-attempt-1", request.Header("Idempotency-Key")));
        Assert.Equal(stripe.Requests[0].Body, stripe.Requests[1].Body);
    }

    [Fact]
    public async Task ARateLimitIsATransientFailureSoTheBuyerMayRetryLater()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(429, StripeResponses.Error("invalid_request_error", "rate_limit", "Too many requests.")));
        using var services = Services(stripe);

        var exception = await Assert.ThrowsAsync<PaymentProviderException>(
            () => Provider(services).StartAsync(Request(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.Equal(429, exception.HttpStatus);
    }

    [Fact]
    public async Task PersistentServerErrorsStopAfterTheBoundedRetriesWithATransientException()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(503, StripeResponses.Error("api_error", null, "Service unavailable.")));
        using var services = Services(stripe);

        var exception = await Assert.ThrowsAsync<PaymentProviderException>(
            () => Provider(services).StartAsync(Request(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.Equal(503, exception.HttpStatus);
        Assert.Equal(1 + MaxRetries, stripe.Requests.Count);
    }

    [Fact]
    public async Task StripeShouldRetryFalseIsObeyedEvenOnAServerError()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(new ScriptedResponse(
            500,
            StripeResponses.Error("api_error", null, "Do not retry."),
            new Dictionary<string, string> { ["Stripe-Should-Retry"] = "false" }));
        using var services = Services(stripe);

        var exception = await Assert.ThrowsAsync<PaymentProviderException>(
            () => Provider(services).StartAsync(Request(), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Single(stripe.Requests);
    }

    [Fact]
    public async Task AnInvalidKeyIsAnExceptionAndIsNotRetried()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(401, StripeResponses.Error("authentication_error", null, "Invalid API Key provided.")));
        using var services = Services(stripe);

        var exception = await Assert.ThrowsAsync<PaymentProviderException>(
            () => Provider(services).StartAsync(Request(), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Equal(401, exception.HttpStatus);
        Assert.Equal("authentication_error", exception.ErrorType);
        Assert.Single(stripe.Requests);
    }

    [Fact]
    public async Task AnUnreachableStripeIsATransientExceptionAfterRetries()
    {
        var stripe = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(200, "{}"));
        var closedAddress = stripe.BaseAddress;
        await stripe.DisposeAsync();
        using var services = Services(closedAddress);

        var exception = await Assert.ThrowsAsync<PaymentProviderException>(
            () => Provider(services).StartAsync(Request(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.IsType<HttpRequestException>(exception.InnerException);
    }

    [Fact]
    public async Task ARefundPostsThePaymentIntentAndTheAmountInCentavos()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(200, StripeResponses.Refund("re_123", "pi_123", 7_500_000, "succeeded")));
        using var services = Services(stripe);

        var refund = await Provider(services).RefundAsync("pi_123", 75_000, "refund-order-5f0c", CancellationToken.None);

        var request = Assert.Single(stripe.Requests);
        Assert.Equal("/v1/refunds", request.Path);
        Assert.Equal("refund-order-5f0c", request.Header("Idempotency-Key"));
        Assert.Equal($"Bearer {SecretKey}", request.Header("Authorization"));
        Assert.Equal("pi_123", request.Form["payment_intent"]);
        Assert.Equal("7500000", request.Form["amount"]);
        Assert.Equal(RefundResult.Succeeded("re_123"), refund);
    }

    [Fact]
    public async Task APendingRefundIsReportedAsPending()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(200, StripeResponses.Refund("re_pending", "pi_123", 7_500_000, "pending")));
        using var services = Services(stripe);

        var refund = await Provider(services).RefundAsync("pi_123", 75_000, "refund-2", CancellationToken.None);

        Assert.Equal(RefundResult.Pending("re_pending"), refund);
    }

    [Fact]
    public async Task RefundingAnAlreadyRefundedPaymentIsAFailedResultNotAnException()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(
            400,
            StripeResponses.Error("invalid_request_error", "charge_already_refunded", "Charge ch_3Mt1 has already been refunded.")));
        using var services = Services(stripe);

        var refund = await Provider(services).RefundAsync("pi_123", 75_000, "refund-3", CancellationToken.None);

        Assert.Equal(RefundResult.Failed(null, "charge_already_refunded"), refund);
    }

    [Fact]
    public async Task StripeNetSendsTheApiVersionItIsBuiltFor()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(200, StripeResponses.PaymentIntent("pi_v", "requires_payment_method", 15_000_000, OrderId)));
        using var services = Services(stripe);

        await Provider(services).StartAsync(Request(), CancellationToken.None);

        Assert.Equal(global::Stripe.StripeConfiguration.ApiVersion, Assert.Single(stripe.Requests).Header("Stripe-Version"));
    }

    [Fact]
    public async Task CancellingAPaymentPostsToItsCancelEndpointWithTheIdempotencyKey()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(200, StripeResponses.PaymentIntent("pi_123", "canceled", 15_000_000, OrderId)));
        using var services = Services(stripe);

        var cancelled = await Provider(services).CancelAsync("pi_123", "order-5f0c-cancel", CancellationToken.None);

        var request = Assert.Single(stripe.Requests);
        Assert.Equal("/v1/payment_intents/pi_123/cancel", request.Path);
        Assert.Equal("order-5f0c-cancel", request.Header("Idempotency-Key"));
        Assert.Equal("requested_by_customer", request.Form["cancellation_reason"]);
        Assert.Equal(PaymentCancelResult.Cancelled("canceled"), cancelled);
    }

    [Theory]
    [InlineData("succeeded", PaymentCancelStatus.NotCancellable)]
    [InlineData("processing", PaymentCancelStatus.NotCancellable)]
    [InlineData("canceled", PaymentCancelStatus.Cancelled)]
    public async Task APaymentStripeCannotCancelSaysWhereItStands(string status, PaymentCancelStatus expected)
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(400, StripeResponses.UnexpectedState("pi_123", status)));
        using var services = Services(stripe);

        var cancelled = await Provider(services).CancelAsync("pi_123", "order-5f0c-cancel", CancellationToken.None);

        Assert.Equal(expected, cancelled.Status);
        Assert.Equal(status, cancelled.ProviderStatus);
    }

    [Fact]
    public async Task AHostedPaymentIsACheckoutSessionWhoseBuyerIsSentToItsPage()
    {
        var holdId = Guid.NewGuid();
        var page = new Uri("https://checkout.stripe.com/c/pay/cs_test_1");
        await using var stripe = await ScriptedHttpServer.StartAsync(ScriptedResponse.Json(
            200, StripeResponses.CheckoutSession("cs_test_1", "open", "unpaid", 15_000_000, OrderId, holdId, page, 1_900_000_000)));
        using var services = Services(stripe);

        var start = await Provider(services).StartAsync(HostedRequest(holdId, DateTimeOffset.UtcNow.AddMinutes(10)), CancellationToken.None);

        Assert.Equal(PaymentStart.Redirect("cs_test_1", page), start);
        var request = Assert.Single(stripe.Requests);
        Assert.Equal("/v1/checkout/sessions", request.Path);
        Assert.Equal("order-5f0c-attempt-1", request.Header("Idempotency-Key"));
        var form = request.Form;
        Assert.Equal("7500000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("2", form["line_items[0][quantity]"]);
        Assert.Equal("General - Bogotá Fashion Week", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal(OrderId.ToString(), form["client_reference_id"]);
        Assert.Equal(holdId.ToString(), form["payment_intent_data[metadata][hold_id]"]);
        Assert.Equal("ana@example.com", form["customer_email"]);
    }

    [Fact]
    public void ASessionExpiresWithItsHoldUnlessThatIsSoonerThanStripeAllows()
    {
        var now = DateTimeOffset.Parse("2026-12-02T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(now.AddHours(2), StripeCheckoutSessions.ExpiryFor(now.AddHours(2), now));
        Assert.Equal(now.AddMinutes(31), StripeCheckoutSessions.ExpiryFor(now.AddMinutes(10), now));
        Assert.Equal(now.AddMinutes(31), StripeCheckoutSessions.ExpiryFor(null, now));
    }

    [Fact]
    public async Task APaidSessionCannotBeExpiredAndSaysItIsComplete()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(400, StripeResponses.Error("invalid_request_error", null, "Only Checkout Sessions with a status in [open] can be expired.")),
            ScriptedResponse.Json(200, StripeResponses.CheckoutSession("cs_test_2", "complete", "paid", 15_000_000, OrderId, Guid.Empty, null, 1_900_000_000, "pi_2")));
        using var services = Services(stripe);

        var cancelled = await Provider(services).CancelAsync("cs_test_2", "order-5f0c-cancel", CancellationToken.None);

        Assert.Equal(PaymentCancelResult.NotCancellable("complete"), cancelled);
        Assert.Equal(["/v1/checkout/sessions/cs_test_2/expire", "/v1/checkout/sessions/cs_test_2"], stripe.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task RefundingAnOrderThatStillNamesItsSessionRefundsThePaymentTheSessionMade()
    {
        await using var stripe = await ScriptedHttpServer.StartAsync(
            ScriptedResponse.Json(200, StripeResponses.CheckoutSession("cs_test_3", "complete", "paid", 15_000_000, OrderId, Guid.Empty, null, 1_900_000_000, "pi_3")),
            ScriptedResponse.Json(200, StripeResponses.Refund("re_3", "pi_3", 15_000_000, "succeeded")));
        using var services = Services(stripe);

        var refund = await Provider(services).RefundAsync("cs_test_3", 150_000, "order-5f0c-unsold", CancellationToken.None);

        Assert.Equal(RefundResult.Succeeded("re_3"), refund);
        Assert.Equal("pi_3", stripe.Requests[^1].Form["payment_intent"]);
    }

    private static PaymentRequest HostedRequest(Guid holdId, DateTimeOffset holdExpiresAt) => Request() with
    {
        HoldId = holdId,
        HoldExpiresAt = holdExpiresAt,
        Quantity = 2,
        UnitPriceCop = 75_000,
        ItemName = "General - Bogotá Fashion Week",
        Return = new PaymentReturn(new Uri("https://tickets.example/event.html?id=1&order=2"), new Uri("https://tickets.example/event.html?id=1&order=2&payment=cancelled")),
    };

    private static PaymentRequest Request() => new(
        OrderId, 150_000, "2 boletas General - Bogotá Fashion Week", "ana@example.com", "order-5f0c-attempt-1");

    private static IPaymentProvider Provider(ServiceProvider services)
    {
        var provider = services.GetRequiredService<IPaymentProvider>();
        Assert.IsType<StripePaymentProvider>(provider);
        return provider;
    }

    private static ServiceProvider Services(ScriptedHttpServer stripe) => Services(stripe.BaseAddress);

    private static ServiceProvider Services(Uri baseAddress, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Payments:Stripe:SecretKey"] = SecretKey,
            ["Payments:Stripe:BaseUrl"] = baseAddress.ToString(),
            ["Payments:Stripe:MaxRetries"] = MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPayments(configuration).BuildServiceProvider(validateScopes: true);
    }
}
