using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Messaging;

/// <summary>The whole server with WATI's status webhook secret configured.</summary>
public sealed class WatiWebhookApiFactory : ApiFactory
{
    public const string Secret = "wati-webhook-secret-for-tests";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Messaging:Wati:WebhookSecret"] = Secret,
    };
}
