using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Accounts;

/// <summary>The whole server as shipped for accounts: buying needs a confirmed e-mail; the outbox polls briskly.</summary>
public class AccountsApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => AccountSettings();

    protected virtual Dictionary<string, string?> AccountSettings() => new()
    {
        ["Accounts:RequireVerifiedEmailToBuy"] = "true",
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Messaging:PublicBaseUrl"] = "https://fashionistas.test",
    };
}
