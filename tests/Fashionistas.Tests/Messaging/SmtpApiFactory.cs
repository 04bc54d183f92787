using Fashionistas.Tests.Infrastructure;
using MimeKit;

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
        ["Attendees:UpdateDelay"] = "00:00:00",
    };

    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    /// <summary>The e-mails that reached <paramref name="address"/> so far and match.</summary>
    public IReadOnlyList<MimeMessage> Received(string address, Func<MimeMessage, bool> matches) =>
        [.. Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address) && matches(m))];

    /// <summary>The first matching e-mail to <paramref name="address"/>, waiting for it to arrive.</summary>
    public async Task<MimeMessage> ReceivedAsync(string address, Func<MimeMessage, bool> matches)
    {
        MimeMessage? found = null;
        Assert.True(await Eventually.TrueAsync(() => (found = Received(address, matches).FirstOrDefault()) is not null, Delivery),
            $"no matching e-mail reached {address}");
        return found!;
    }

    async Task IAsyncLifetime.InitializeAsync() => await InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
