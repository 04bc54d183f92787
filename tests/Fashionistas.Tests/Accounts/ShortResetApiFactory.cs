namespace Fashionistas.Tests.Accounts;

/// <summary>Reset links that live two seconds, so a test can watch one expire.</summary>
public sealed class ShortResetApiFactory : AccountsApiFactory
{
    protected override Dictionary<string, string?> AccountSettings()
    {
        var settings = base.AccountSettings();
        settings["Accounts:PasswordResetLifetime"] = "00:00:02";
        return settings;
    }
}
