using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Outbox;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Accounts;

/// <summary>
/// Delivers <see cref="OutboxKinds.PasswordReset"/> and <see cref="OutboxKinds.EmailVerification"/>: makes the token
/// and e-mails its link (never WhatsApp: the link is a secret). A row whose e-mail already went out is not issued
/// again, since a new token would end the one in the person's inbox.
/// </summary>
public sealed class AccountMessagesOutboxHandler(
    AccountTokens tokens, MessageJournal journal, IMessageSender sender, IOptions<MessagingOptions> messaging,
    IOptions<AccountOptions> accounts) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.PasswordReset, OutboxKinds.EmailVerification];

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dedupeKey = $"{message.DedupeKey}:{MessageChannelNames.Email}";
        if (await journal.WasSentAsync(dedupeKey, cancellationToken)
            || await tokens.IssueAsync(message.IdOf("tokenId"), cancellationToken) is not { } issued)
        {
            return;
        }

        var reset = issued.Purpose == AccountTokenPurposes.PasswordReset;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = issued.Person.Name,
            ["link"] = messaging.Value.Link(reset ? "/reset.html" : "/verify.html", "token", issued.Token),
        };
        if (reset)
        {
            parameters["minutes"] = ((int)Math.Round(accounts.Value.PasswordResetLifetime.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var language = MessageTemplates.Supports(issued.Person.Language) ? issued.Person.Language : MessageTemplates.Language;
        await sender.SendFromOutboxAsync(
            new OutgoingMessage(MessageChannel.Email, issued.Person.Email,
                reset ? MessageTemplates.PasswordReset : MessageTemplates.EmailVerification, parameters, language)
            {
                DedupeKey = dedupeKey,
                Sensitive = true,
            },
            cancellationToken);
    }
}
