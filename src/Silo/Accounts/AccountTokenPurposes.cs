using Fashionistas.Silo.Outbox;

namespace Fashionistas.Silo.Accounts;

/// <summary>Values of <c>account_tokens.purpose</c>; each is also the outbox kind of the e-mail that carries the token.</summary>
public static class AccountTokenPurposes
{
    public const string PasswordReset = OutboxKinds.PasswordReset;
    public const string EmailVerification = OutboxKinds.EmailVerification;
}
