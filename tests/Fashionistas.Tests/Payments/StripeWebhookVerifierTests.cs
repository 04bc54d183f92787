using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fashionistas.Silo.Payments;
using Fashionistas.Silo.Payments.Stripe;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Payments;

public sealed class StripeWebhookVerifierTests
{
    private const string Secret = "whsec_fashionistas_test";
    private const long SignedAt = 1_767_225_600; // 2026-01-01T00:00:00Z
    private static readonly Guid OrderId = Guid.Parse("0b8f7f0e-3c1d-4f7a-8e51-6a2b9c4d1e23");

    private readonly PaymentsTestClock clock = new(DateTimeOffset.FromUnixTimeSeconds(SignedAt));

    [Fact]
    public void ACorrectlySignedPaymentSucceededEventIsVerifiedAndParsed()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");

        var result = Verifier().Verify(payload, $"t={SignedAt},v1={Sign(SignedAt, payload)}");

        Assert.True(result.IsVerified, result.FailureDetail);
        var evt = result.Event;
        Assert.Equal("evt_1Pay", evt.EventId);
        Assert.Equal("payment_intent.succeeded", evt.Type);
        Assert.Equal(StripeWebhookEventKind.PaymentSucceeded, evt.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(SignedAt - 2), evt.Created);
        Assert.False(evt.LiveMode);
        Assert.Equal("pi_3Pay", evt.PaymentIntentId);
        Assert.Equal(OrderId, evt.OrderId);
        Assert.Equal(150_000, evt.AmountCop);
        Assert.Equal("ch_3Pay", evt.ChargeId);
        Assert.Null(evt.FailureReason);
    }

    [Fact]
    public void AnyOfSeveralV1SignaturesMayMatchAndOtherSchemesAreIgnored()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");
        var header = $"t={SignedAt},v1={Sign(SignedAt, payload, "whsec_rolled_old")},v1={Sign(SignedAt, payload)},v0=deadbeef";

        var result = Verifier().Verify(payload, header);

        Assert.True(result.IsVerified, result.FailureDetail);
    }

    [Fact]
    public void ATamperedPayloadIsRejected()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");
        var header = $"t={SignedAt},v1={Sign(SignedAt, payload)}";
        var tampered = payload.Replace("15000000", "100", StringComparison.Ordinal);

        var result = Verifier().Verify(tampered, header);

        Assert.False(result.IsVerified);
        Assert.Equal(StripeWebhookFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void ASignatureMadeWithAnotherSecretIsRejected()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");

        var result = Verifier().Verify(payload, $"t={SignedAt},v1={Sign(SignedAt, payload, "whsec_attacker")}");

        Assert.Equal(StripeWebhookFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void AReplayedTimestampChangedByTheSenderIsRejected()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");
        var header = $"t={SignedAt + 1},v1={Sign(SignedAt, payload)}";

        Assert.Equal(StripeWebhookFailure.SignatureMismatch, Verifier().Verify(payload, header).Failure);
    }

    [Fact]
    public void ADeliveryExactlyAtTheToleranceIsAccepted()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");
        clock.Now = DateTimeOffset.FromUnixTimeSeconds(SignedAt) + TimeSpan.FromMinutes(5);

        Assert.True(Verifier().Verify(payload, $"t={SignedAt},v1={Sign(SignedAt, payload)}").IsVerified);
    }

    [Fact]
    public void AStaleTimestampIsRejectedEvenWithAValidSignature()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");
        clock.Now = DateTimeOffset.FromUnixTimeSeconds(SignedAt) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);

        var result = Verifier().Verify(payload, $"t={SignedAt},v1={Sign(SignedAt, payload)}");

        Assert.Equal(StripeWebhookFailure.TimestampOutsideTolerance, result.Failure);
    }

    [Fact]
    public void ATimestampFarInTheFutureIsRejected()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");
        clock.Now = DateTimeOffset.FromUnixTimeSeconds(SignedAt) - TimeSpan.FromMinutes(6);

        var result = Verifier().Verify(payload, $"t={SignedAt},v1={Sign(SignedAt, payload)}");

        Assert.Equal(StripeWebhookFailure.TimestampOutsideTolerance, result.Failure);
    }

    [Fact]
    public void TheToleranceComesFromConfiguration()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");
        clock.Now = DateTimeOffset.FromUnixTimeSeconds(SignedAt) + TimeSpan.FromMinutes(9);

        var result = Verifier(tolerance: TimeSpan.FromMinutes(10)).Verify(payload, $"t={SignedAt},v1={Sign(SignedAt, payload)}");

        Assert.True(result.IsVerified);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AMissingSignatureHeaderIsRejected(string? header)
    {
        var result = Verifier().Verify(PaymentIntentEvent("payment_intent.succeeded", "null"), header);

        Assert.Equal(StripeWebhookFailure.MissingSignature, result.Failure);
    }

    [Theory]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1767225600")]
    [InlineData("t=yesterday,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1767225600,v1=not-hex")]
    [InlineData("garbage")]
    public void AHeaderWithoutATimestampOrAV1SignatureIsRejected(string header)
    {
        var result = Verifier().Verify(PaymentIntentEvent("payment_intent.succeeded", "null"), header);

        Assert.False(result.IsVerified);
        Assert.Contains(result.Failure, new StripeWebhookFailure?[] { StripeWebhookFailure.MalformedSignature, StripeWebhookFailure.SignatureMismatch });
    }

    [Fact]
    public void WithoutAConfiguredSecretEveryDeliveryIsRejected()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");

        var result = Verifier(secret: null).Verify(payload, $"t={SignedAt},v1={Sign(SignedAt, payload)}");

        Assert.Equal(StripeWebhookFailure.NotConfigured, result.Failure);
    }

    [Fact]
    public void ACorrectlySignedBodyThatIsNotAnEventIsAMalformedPayload()
    {
        const string Payload = "not json at all";

        var result = Verifier().Verify(Payload, $"t={SignedAt},v1={Sign(SignedAt, Payload)}");

        Assert.Equal(StripeWebhookFailure.MalformedPayload, result.Failure);
    }

    [Fact]
    public void RawBytesVerifyLikeTheEquivalentText()
    {
        var payload = PaymentIntentEvent("payment_intent.succeeded", lastPaymentError: "null");

        var result = Verifier().Verify(Encoding.UTF8.GetBytes(payload), $"t={SignedAt},v1={Sign(SignedAt, payload)}");

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void APaymentFailedEventCarriesTheDeclineCode()
    {
        var payload = PaymentIntentEvent(
            "payment_intent.payment_failed",
            lastPaymentError: """{ "code": "card_declined", "decline_code": "insufficient_funds", "message": "Your card has insufficient funds." }""");

        var evt = VerifiedEvent(payload);

        Assert.Equal(StripeWebhookEventKind.PaymentFailed, evt.Kind);
        Assert.Equal("pi_3Pay", evt.PaymentIntentId);
        Assert.Equal(OrderId, evt.OrderId);
        Assert.Equal("insufficient_funds", evt.FailureReason);
    }

    [Fact]
    public void AChargeRefundedEventCarriesThePaymentIntentAndTheRefundedAmount()
    {
        var payload = Event("charge.refunded", $$"""
            {
              "id": "ch_3Ref", "object": "charge", "amount": 15000000, "amount_refunded": 7500000,
              "currency": "cop", "payment_intent": "pi_3Ref", "refunded": false,
              "metadata": { "order_id": "{{OrderId}}" }
            }
            """);

        var evt = VerifiedEvent(payload);

        Assert.Equal(StripeWebhookEventKind.ChargeRefunded, evt.Kind);
        Assert.Equal("pi_3Ref", evt.PaymentIntentId);
        Assert.Equal("ch_3Ref", evt.ChargeId);
        Assert.Equal(150_000, evt.AmountCop);
        Assert.Equal(75_000, evt.AmountRefundedCop);
        Assert.Equal(OrderId, evt.OrderId);
    }

    [Fact]
    public void ADisputeCreatedEventCarriesThePaymentIntentChargeAndReason()
    {
        var payload = Event("charge.dispute.created", """
            {
              "id": "dp_1Dis", "object": "dispute", "amount": 15000000, "charge": "ch_3Dis",
              "currency": "cop", "payment_intent": "pi_3Dis", "reason": "fraudulent", "status": "needs_response",
              "metadata": {}
            }
            """);

        var evt = VerifiedEvent(payload);

        Assert.Equal(StripeWebhookEventKind.DisputeCreated, evt.Kind);
        Assert.Equal("pi_3Dis", evt.PaymentIntentId);
        Assert.Equal("ch_3Dis", evt.ChargeId);
        Assert.Equal("dp_1Dis", evt.DisputeId);
        Assert.Equal("fraudulent", evt.FailureReason);
        Assert.Null(evt.OrderId);
    }

    [Theory]
    [InlineData("checkout.session.completed", "paid", StripeWebhookEventKind.PaymentSucceeded)]
    [InlineData("checkout.session.completed", "unpaid", StripeWebhookEventKind.Ignored)]
    [InlineData("checkout.session.async_payment_succeeded", "paid", StripeWebhookEventKind.PaymentSucceeded)]
    [InlineData("checkout.session.async_payment_failed", "unpaid", StripeWebhookEventKind.PaymentFailed)]
    [InlineData("checkout.session.expired", "unpaid", StripeWebhookEventKind.CheckoutExpired)]
    public void ACheckoutSessionEventCarriesItsSessionPaymentAndOrder(string type, string paymentStatus, StripeWebhookEventKind kind)
    {
        var payload = Event(type, $$"""
            {
              "id": "cs_test_1", "object": "checkout.session", "amount_total": 15000000, "currency": "cop",
              "client_reference_id": "{{OrderId}}", "mode": "payment", "payment_intent": "pi_3Ses",
              "payment_status": "{{paymentStatus}}", "status": "complete",
              "metadata": { "order_id": "{{OrderId}}", "hold_id": "{{Guid.Empty}}" }
            }
            """);

        var evt = VerifiedEvent(payload);

        Assert.Equal(kind, evt.Kind);
        Assert.Equal("cs_test_1", evt.CheckoutSessionId);
        Assert.Equal("pi_3Ses", evt.PaymentIntentId);
        Assert.Equal(OrderId, evt.OrderId);
        Assert.Equal(150_000, evt.AmountCop);
    }

    [Fact]
    public void OtherEventTypesAreVerifiedButIgnored()
    {
        var payload = Event("customer.created", """{ "id": "cus_1", "object": "customer", "metadata": {} }""");

        var evt = VerifiedEvent(payload);

        Assert.Equal(StripeWebhookEventKind.Ignored, evt.Kind);
        Assert.Equal("customer.created", evt.Type);
    }

    private StripeWebhookEvent VerifiedEvent(string payload)
    {
        var result = Verifier().Verify(payload, $"t={SignedAt},v1={Sign(SignedAt, payload)}");
        Assert.True(result.IsVerified, result.FailureDetail);
        return result.Event;
    }

    private StripeWebhookVerifier Verifier(string? secret = Secret, TimeSpan? tolerance = null)
    {
        var options = new PaymentOptions();
        options.Stripe.WebhookSecret = secret;
        if (tolerance is { } value)
        {
            options.Stripe.WebhookTolerance = value;
        }

        return new StripeWebhookVerifier(Options.Create(options), clock);
    }

    // Independent of the verifier: the HMAC Stripe documents, over "{t}.{payload}", lower-case hex.
    private static string Sign(long timestamp, string payload, string secret = Secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signed = timestamp.ToString(CultureInfo.InvariantCulture) + "." + payload;
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(signed)));
    }

    private static string PaymentIntentEvent(string type, string lastPaymentError) => Event(type, $$"""
        {
          "id": "pi_3Pay", "object": "payment_intent", "amount": 15000000, "amount_received": 15000000,
          "currency": "cop", "latest_charge": "ch_3Pay", "status": "succeeded",
          "last_payment_error": {{lastPaymentError}},
          "metadata": { "order_id": "{{OrderId}}" }
        }
        """);

    private static string Event(string type, string dataObject) => $$"""
        {
          "id": "{{(type.StartsWith("payment_intent", StringComparison.Ordinal) ? "evt_1Pay" : "evt_1Other")}}",
          "object": "event",
          "api_version": "2024-06-20",
          "created": {{SignedAt - 2}},
          "data": { "object": {{dataObject}} },
          "livemode": false,
          "pending_webhooks": 1,
          "type": "{{type}}"
        }
        """;
}
