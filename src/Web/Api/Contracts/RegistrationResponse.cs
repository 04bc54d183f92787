namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// The one answer to a registration (202), whether the e-mail was new or already had an account, so the answer does
/// not tell anyone which addresses have accounts.
/// </summary>
public sealed record RegistrationResponse(string Message)
{
    public static RegistrationResponse Accepted { get; } = new(
        "Registration received. If this e-mail had no account, it has one now: sign in with it. " +
        "If it already had one, sign in with that account's password or reset it.");
}
