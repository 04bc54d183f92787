using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Messaging;

/// <summary>The whole server sending e-mail over SMTP to an in-process SMTP server.</summary>
public sealed class SmtpApiFactory : ApiFactory, IAsyncLifetime
{
    public InProcessSmtpServer Smtp { get; } = InProcessSmtpServer.Start();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Messaging:Smtp:Host"] = "127.0.0.1",
        ["Messaging:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:Smtp:Security"] = "None",
        ["Messaging:Smtp:FromAddress"] = "boletas@fashionistas.test",
        ["Outbox:PollInterval"] = "00:00:00.200",
    };

    async Task IAsyncLifetime.InitializeAsync() => await InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
