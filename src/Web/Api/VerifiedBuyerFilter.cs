using Fashionistas.Silo.Accounts;
using Fashionistas.Web.Auth;

namespace Fashionistas.Web.Api;

/// <summary>
/// The purchase path (holds, checkout, waitlist joins) is for accounts whose e-mail is confirmed, so a flash sale
/// cannot be farmed with invented addresses (<see cref="AccountOptions.RequireVerifiedEmailToBuy"/>). Everything else
/// (browsing, tickets received, the account itself) works before.
/// </summary>
internal sealed class VerifiedBuyerFilter(EmailVerifications verifications) : IEndpointFilter
{
    public const string ProblemType = "https://fashionistas.local/problems/email-not-verified";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.User.TryUserId() is { } userId && !await verifications.MayBuyAsync(userId, http.RequestAborted))
        {
            return TypedResults.Problem(
                title: "Confirm your e-mail first.",
                detail: "Open the link we e-mailed you when you signed up (or ask for a new one on your account page); then you can buy.",
                statusCode: StatusCodes.Status403Forbidden,
                type: ProblemType);
        }

        return await next(context);
    }
}
