using System.Security.Claims;
using System.Text.Json;
using Fashionistas.Silo.Checkout;
using Fashionistas.Silo.Payments;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Api.Reference;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Fashionistas.Web.Api;

/// <summary>
/// Checkout: a hold becomes an order and its payment starts. Safe to retry: one order per hold, one provider payment
/// per order. With an Idempotency-Key, a retry also gets the first successful answer back verbatim.
/// </summary>
public static class CheckoutApi
{

    public static IEndpointRouteBuilder MapCheckoutApi(this IEndpointRouteBuilder app)
    {
        var checkout = app.MapGroup("/api/holds").WithTags("Checkout").RequireAuthorization().OnPurchasePath();
        checkout.MapPost("/{id:guid}/checkout", Checkout).ProducesValidationProblem().Answers(Status402PaymentRequired, Status404NotFound, Status409Conflict, Status502BadGateway);
        return app;
    }

    private static async Task<Results<Ok<CheckoutResponse>, ValidationProblem, ProblemHttpResult>> Checkout(
        Guid id, ClaimsPrincipal user, CheckoutService checkout, GroupCheckoutService groups, IdempotentAnswers answers,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<PaymentOptions> payments, HttpContext http, CancellationToken cancellationToken,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        var validation = new Validation().IdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        // The body is optional (a one-tier checkout has none), so it is read here rather than bound: a bound body would
        // make the route refuse requests that carry no content type.
        var request = await ReadBodyAsync(http, json.Value.SerializerOptions, cancellationToken);
        if (request is { Problem: { } bad })
        {
            return bad;
        }

        var buyerId = user.UserId();
        var serializer = json.Value.SerializerOptions;
        CheckoutResponse response;
        var returnPages = CheckoutReturnPages.For(http.Request, payments.Value.Stripe.SiteUrl);
        var result = await checkout.CheckoutAsync(id, buyerId, idempotencyKey, returnPages, cancellationToken);
        if (result is CheckoutResult.HoldNotFound)
        {
            // Not a hold of the buyer's: a hold group, checked out as one order of several lines.
            var attendees = request.Body?.Attendees?.Select(a => (a.TicketTypeId!.Value, a.Name, a.Document)).ToList();
            result = await groups.CheckoutAsync(id, buyerId, idempotencyKey, attendees, returnPages, cancellationToken);
        }

        switch (result)
        {
            case CheckoutResult.Replayed replayed:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Ok(JsonSerializer.Deserialize<CheckoutResponse>(replayed.Answer, serializer)!);
            case CheckoutResult.Paid paid:
                response = OrderMapping.Paid(paid.Order);
                break;
            case CheckoutResult.Pending pending:
                response = new CheckoutResponse(pending.Order.Id, pending.Order.Status, pending.Order.Total, pending.ClientSecret, null, pending.PaymentUrl);
                break;
            case CheckoutResult.Declined declined:
                return TypedResults.Problem(
                    title: "The payment was declined.",
                    detail: $"The provider said {declined.Reason}. Your seats stay held until {declined.HoldExpiresAt:O}; you may check out again.",
                    statusCode: StatusCodes.Status402PaymentRequired,
                    extensions: new Dictionary<string, object?>
                    {
                        ["orderId"] = declined.Order.Id,
                        ["status"] = declined.Order.Status,
                        ["declineReason"] = declined.Reason,
                        ["holdExpiresAt"] = declined.HoldExpiresAt,
                    });
            case CheckoutResult.SeatsGone gone:
                return Problems.Conflict(
                    "The hold ended and its seats were sold; your payment was refunded.",
                    gone.Reason,
                    new Dictionary<string, object?> { ["orderId"] = gone.Order.Id, ["status"] = gone.Order.Status });
            case CheckoutResult.HoldEnded ended:
                return Problems.Conflict("The hold has ended.", $"It is {ended.Status}; place a new hold.");
            case CheckoutResult.OrderClosed closed:
                return Problems.Conflict(
                    "The order cannot be paid.",
                    closed.Reason,
                    new Dictionary<string, object?> { ["orderId"] = closed.Order.Id, ["status"] = closed.Order.Status });
            case CheckoutResult.AttendeesInvalid invalid:
                return Problems.BadRequest("The attendees are not valid.", invalid.Reason);
            case CheckoutResult.ProviderUnavailable unavailable:
                return Problems.ProviderUnavailable(http.Response, "The payment provider is not answering; please retry.", unavailable.IsTransient);
            default:
                return Problems.NotFound("No such hold or hold group.");
        }

        if (idempotencyKey is not null)
        {
            var kept = await answers.SaveAsync(
                IdempotentAnswers.CheckoutScope(id), buyerId, idempotencyKey, StatusCodes.Status200OK, JsonSerializer.Serialize(response, serializer), cancellationToken);
            response = JsonSerializer.Deserialize<CheckoutResponse>(kept, serializer)!;
        }

        return TypedResults.Ok(response);
    }

    private static async Task<(CheckoutRequest? Body, ValidationProblem? Problem)> ReadBodyAsync(
        HttpContext http, JsonSerializerOptions serializer, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength is null or 0 && !http.Request.HasJsonContentType())
        {
            return (null, null);
        }

        CheckoutRequest? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<CheckoutRequest>(serializer, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, Problems.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object like {\"attendees\": [...]}."] }));
        }

        return body?.Validate() is { IsValid: false } validation ? (body, Problems.Invalid(validation.Errors)) : (body, null);
    }
}
