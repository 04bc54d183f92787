using System.Security.Claims;
using Fashionistas.Silo.Accounts;
using Fashionistas.Silo.Messaging;
using Fashionistas.Web.Api.Contracts;
using Fashionistas.Web.Auth;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Api;

/// <summary>Password reset, e-mail verification and contact preferences (phone, WhatsApp consent, language).</summary>
public static class AccountApi
{
    /// <summary>One answer for every reset request, whether or not the address has an account.</summary>
    internal const string ResetAccepted =
        "If an account uses this e-mail, a link to choose a new password is on its way. It works once, for 30 minutes.";

    private const string BadLink = "This link is not valid any more.";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var recovery = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimits.RecoveryPolicy);
        recovery.MapPost("/password-reset", RequestReset).Validates<PasswordResetRequest>();
        recovery.MapPost("/password-reset/confirm", Reset).Validates<NewPasswordRequest>();
        recovery.MapPost("/verify-email", Verify).Validates<TokenRequest>();

        var me = app.MapGroup("/api/me").WithTags("Auth").RequireAuthorization();
        me.MapPost("/verification", ResendVerification).RequireRateLimiting(RateLimits.RecoveryPolicy);
        me.MapGet("/preferences", GetPreferences);
        me.MapPut("/preferences", SetPreferences).Validates<PreferencesRequest>();
        me.MapDelete("/whatsapp", OptOut);
        return app;
    }

    private static async Task<Accepted<AcceptedResponse>> RequestReset(
        PasswordResetRequest request, PasswordResets resets, CancellationToken cancellationToken)
    {
        await resets.RequestAsync(request.Email!.Trim(), cancellationToken);
        return TypedResults.Accepted((string?)null, new AcceptedResponse(ResetAccepted));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Reset(
        NewPasswordRequest request, PasswordResets resets, CurrentRights rights, CancellationToken cancellationToken)
    {
        if (await resets.ResetAsync(request.Token!.Trim(), request.NewPassword!, cancellationToken) is not { } userId)
        {
            return Problems.BadRequest(BadLink, "It was used already, replaced by a newer one or expired. Ask for a new one.");
        }

        // The database gave the account a new security stamp; this node forgets the cached one at once.
        rights.Forget(userId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Verify(
        TokenRequest request, EmailVerifications verifications, CancellationToken cancellationToken) =>
        await verifications.ConfirmAsync(request.Token!.Trim(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.BadRequest(BadLink, "It was used already, replaced by a newer one or expired. Ask for a new one from your account.");

    private static async Task<Accepted<AcceptedResponse>> ResendVerification(
        ClaimsPrincipal principal, EmailVerifications verifications, CancellationToken cancellationToken)
    {
        await verifications.RequestAsync(principal.UserId(), cancellationToken);
        return TypedResults.Accepted((string?)null, new AcceptedResponse("Unless your e-mail is confirmed already, a new link is on its way."));
    }

    private static async Task<Results<Ok<PreferencesResponse>, ProblemHttpResult>> GetPreferences(
        ClaimsPrincipal principal, ContactPreferences preferences, CancellationToken cancellationToken) =>
        await preferences.GetAsync(principal.UserId(), cancellationToken) is { } settings
            ? TypedResults.Ok(ToResponse(settings))
            : Problems.NotFound("The account no longer exists.");

    private static async Task<Results<Ok<PreferencesResponse>, ValidationProblem, ProblemHttpResult>> SetPreferences(
        PreferencesRequest request, ClaimsPrincipal principal, ContactPreferences preferences, IOptions<MessagingOptions> messaging,
        CancellationToken cancellationToken)
    {
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Phone)
            && !PhoneNumbers.TryNormalize(request.Phone, messaging.Value.Wati.DefaultCountryCode, out phone))
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["phone"] = ["phone must be a phone number: a Colombian mobile (300 123 4567) or + country code and number."],
            });
        }

        return await preferences.SetAsync(principal.UserId(), phone, request.WhatsAppOptIn, request.Language!, cancellationToken) is { } settings
            ? TypedResults.Ok(ToResponse(settings))
            : Problems.NotFound("The account no longer exists.");
    }

    private static async Task<NoContent> OptOut(ClaimsPrincipal principal, ContactPreferences preferences, CancellationToken cancellationToken)
    {
        await preferences.OptOutOfWhatsAppAsync(principal.UserId(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static PreferencesResponse ToResponse(ContactSettings settings) =>
        new(settings.Phone, settings.WhatsAppOptIn, settings.Language, settings.EmailVerified);
}
