using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Fashionistas.Tests.Integrations;
using Fashionistas.Tests.Payments;

namespace Fashionistas.Tests.Checkout;

/// <summary>
/// Stripe Checkout as the local fake Stripe plays it: sessions created, read and expired over <c>/v1/checkout/sessions</c>
/// in Stripe's shapes (one per idempotency key, as Stripe replays), and a stand-in for the hosted payment page at
/// <c>/pay/{sessionId}</c> whose links lead back to the session's success and cancel pages.
/// </summary>
public sealed class FakeStripeCheckout
{
    private const string SessionsPath = "/v1/checkout/sessions";
    private const string PagePath = "/pay/";
    private readonly ConcurrentDictionary<string, Session> sessions = new(StringComparer.Ordinal);

    /// <summary>The session id the fake gives an order.</summary>
    public static string SessionOf(Guid orderId) => $"cs_test_{orderId:N}";

    /// <summary>The payment intent a session of <paramref name="orderId"/> makes when it is paid.</summary>
    public static string PaymentIntentOf(Guid orderId) => StripeApiFactory.PaymentIntentOf(orderId);

    public Session Find(string sessionId) => sessions[sessionId];

    /// <summary>The buyer paid on the hosted page: the session completes with its payment intent.</summary>
    public Session Complete(string sessionId) =>
        sessions.AddOrUpdate(sessionId, _ => throw new KeyNotFoundException(sessionId), (_, s) => s with { Status = "complete", PaymentStatus = "paid" });

    /// <summary>The answer for a checkout request, or null when <paramref name="request"/> is not one.</summary>
    public ScriptedResponse? Answer(RecordedRequest request, Uri stripeBase)
    {
        if (request.Method == "GET" && request.Path.StartsWith(PagePath, StringComparison.Ordinal))
        {
            return sessions.TryGetValue(request.Path[PagePath.Length..], out var shown) ? Page(shown) : ScriptedResponse.Json(404, "{}");
        }

        if (!request.Path.StartsWith(SessionsPath, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = request.Path[SessionsPath.Length..].Trim('/');
        if (rest.Length == 0 && request.Method == "POST")
        {
            var form = request.Form;
            var orderId = Guid.Parse(form["metadata[order_id]"]);
            var created = sessions.GetOrAdd(SessionOf(orderId), id => new Session(
                id,
                orderId,
                Guid.Parse(form["metadata[hold_id]"]),
                long.Parse(form["line_items[0][price_data][unit_amount]"], CultureInfo.InvariantCulture)
                    * long.Parse(form["line_items[0][quantity]"], CultureInfo.InvariantCulture),
                long.Parse(form["expires_at"], CultureInfo.InvariantCulture),
                new Uri(stripeBase, PagePath + id),
                new Uri(form["success_url"]),
                new Uri(form["cancel_url"]),
                "open",
                "unpaid"));
            return ScriptedResponse.Json(200, Json(created));
        }

        var parts = rest.Split('/');
        if (!sessions.TryGetValue(parts[0], out var session))
        {
            return ScriptedResponse.Json(404, StripeResponses.Error("invalid_request_error", "resource_missing", "No such checkout.session."));
        }

        if (parts is [_, "expire"] && request.Method == "POST")
        {
            if (session.Status != "open")
            {
                return ScriptedResponse.Json(400, StripeResponses.Error(
                    "invalid_request_error", null, $"Only Checkout Sessions with a status in [open] can be expired, not {session.Status}."));
            }

            return ScriptedResponse.Json(200, Json(sessions[session.Id] = session with { Status = "expired" }));
        }

        return ScriptedResponse.Json(200, Json(session));
    }

    private static string Json(Session session) => StripeResponses.CheckoutSession(
        session.Id,
        session.Status,
        session.PaymentStatus,
        session.AmountTotal,
        session.OrderId,
        session.HoldId,
        session.Status == "open" ? session.Url : null,
        session.ExpiresAt,
        session.Status == "complete" ? PaymentIntentOf(session.OrderId) : null);

    private static ScriptedResponse Page(Session session) => ScriptedResponse.Html($"""
        <!doctype html>
        <html lang="es"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Stripe Checkout (fake)</title></head>
        <body>
          <h1>Stripe Checkout (fake)</h1>
          <p id="amount">{session.AmountTotal / 100} COP</p>
          <a id="pay" href="{WebUtility.HtmlEncode(session.SuccessUrl.AbsoluteUri)}">Pagar</a>
          <a id="back" href="{WebUtility.HtmlEncode(session.CancelUrl.AbsoluteUri)}">Volver</a>
        </body></html>
        """);

    /// <summary>One fake session: what Stripe keeps of it.</summary>
    public sealed record Session(
        string Id, Guid OrderId, Guid HoldId, long AmountTotal, long ExpiresAt, Uri Url, Uri SuccessUrl, Uri CancelUrl, string Status, string PaymentStatus);
}
