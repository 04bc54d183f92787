using System.Net;
using Microsoft.Extensions.Logging;
using SessionCreateOptions = global::Stripe.Checkout.SessionCreateOptions;
using SessionLineItemOptions = global::Stripe.Checkout.SessionLineItemOptions;
using SessionLineItemPriceDataOptions = global::Stripe.Checkout.SessionLineItemPriceDataOptions;
using SessionLineItemPriceDataProductDataOptions = global::Stripe.Checkout.SessionLineItemPriceDataProductDataOptions;
using SessionPaymentIntentDataOptions = global::Stripe.Checkout.SessionPaymentIntentDataOptions;
using SessionService = global::Stripe.Checkout.SessionService;
using StripeException = global::Stripe.StripeException;

namespace Fashionistas.Silo.Payments.Stripe;

/// <summary>
/// Stripe's hosted payment page: one Checkout Session per order (payment mode, one line item in COP, the order and
/// hold in its metadata and in its PaymentIntent's), so no card data ever reaches our server. Stripe lets a session
/// expire no sooner than 30 minutes after it is made, while a hold may be shorter (10 minutes by default): the session
/// expires at the hold's end when that is far enough ahead, otherwise at the earliest moment Stripe allows, and the
/// session sweep (<c>Checkout.CheckoutSessionSweep</c>) expires it through the API as soon as its hold ends.
/// </summary>
public sealed class StripeCheckoutSessions(StripeClients clients, TimeProvider time, ILogger<StripeCheckoutSessions> logger)
{
    /// <summary>Stripe's 30-minute minimum, plus a minute so clock skew never has a session refused.</summary>
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromMinutes(31);

    private const string SessionPrefix = "cs_";
    private const string Expired = "expired";

    /// <summary>True for a Checkout Session id (<c>cs_...</c>), the payment reference of an order started on the hosted page.</summary>
    public static bool IsSession(string providerReference) =>
        providerReference.StartsWith(SessionPrefix, StringComparison.Ordinal);

    /// <summary>The latest a session for a hold ending at <paramref name="holdExpiresAt"/> may expire, as Stripe allows.</summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset? holdExpiresAt, DateTimeOffset now) =>
        holdExpiresAt is { } end && end >= now + MinimumLifetime ? end : now + MinimumLifetime;

    internal async Task<PaymentStart> CreateAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        var back = request.Return ?? throw new ArgumentException("A hosted payment needs return pages.", nameof(request));
        var metadata = new Dictionary<string, string> { [StripeMetadata.OrderId] = request.OrderId.ToString() };
        if (request.HoldId is { } holdId)
        {
            metadata[StripeMetadata.HoldId] = holdId.ToString();
        }

        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.OrderId.ToString(),
            CustomerEmail = string.IsNullOrWhiteSpace(request.BuyerEmail) ? null : request.BuyerEmail,
            ExpiresAt = ExpiryFor(request.HoldExpiresAt, time.GetUtcNow()).UtcDateTime,
            SuccessUrl = back.SuccessUrl.AbsoluteUri,
            CancelUrl = back.CancelUrl.AbsoluteUri,
            LineItems = [LineItem(request)],
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Description = request.Description,
                Metadata = new Dictionary<string, string>(metadata),
            },
        };
        var session = await new SessionService(clients.Create()).CreateAsync(
            create, StripePaymentProvider.Key(request.IdempotencyKey), cancellationToken);
        if (string.IsNullOrEmpty(session.Url) || !Uri.TryCreate(session.Url, UriKind.Absolute, out var url))
        {
            throw new PaymentProviderException($"Stripe Checkout Session {session.Id} has no payment page URL (status {session.Status}).");
        }

        logger.LogInformation(
            "Stripe Checkout Session {SessionId} for order {OrderId} expires at {ExpiresAt}", session.Id, request.OrderId, session.ExpiresAt);
        return PaymentStart.Redirect(session.Id, url);
    }

    /// <summary>Expires an open session; one already expired is cancelled, one completed is not cancellable any more.</summary>
    internal async Task<PaymentCancelResult> ExpireAsync(string sessionId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var service = new SessionService(clients.Create());
        try
        {
            var expired = await service.ExpireAsync(sessionId, null, StripePaymentProvider.Key(idempotencyKey), cancellationToken);
            return PaymentCancelResult.Cancelled(expired.Status);
        }
        catch (StripeException exception) when (exception.HttpStatusCode == HttpStatusCode.BadRequest)
        {
            // Only open sessions can be expired: ask where this one stands.
            var session = await service.GetAsync(sessionId, null, null, cancellationToken);
            logger.LogInformation("Stripe Checkout Session {SessionId} is {SessionStatus}; not expired now", sessionId, session.Status);
            return session.Status == Expired
                ? PaymentCancelResult.Cancelled(session.Status)
                : PaymentCancelResult.NotCancellable(session.Status);
        }
    }

    internal async Task<string> PaymentIntentOfAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await new SessionService(clients.Create()).GetAsync(sessionId, null, null, cancellationToken);
        return session.PaymentIntentId
            ?? throw new PaymentProviderException($"Stripe Checkout Session {sessionId} has no payment (status {session.Status}).");
    }

    private static SessionLineItemOptions LineItem(PaymentRequest request)
    {
        // A group discount makes the total differ from quantity × unit price: then the line is the whole order.
        var perTicket = request.UnitPriceCop > 0 && checked(request.UnitPriceCop * request.Quantity) == request.AmountCop;
        return new SessionLineItemOptions
        {
            Quantity = perTicket ? request.Quantity : 1,
            PriceData = new SessionLineItemPriceDataOptions
            {
                Currency = StripeAmounts.Currency,
                UnitAmount = StripeAmounts.ToStripeAmount(perTicket ? request.UnitPriceCop : request.AmountCop),
                ProductData = new SessionLineItemPriceDataProductDataOptions
                {
                    Name = perTicket ? request.ItemName ?? request.Description : request.Description,
                },
            },
        };
    }
}
