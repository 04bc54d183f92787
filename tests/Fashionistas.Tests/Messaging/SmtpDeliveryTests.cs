using System.Net.Http.Json;
using Fashionistas.Silo.Messaging;
using Fashionistas.Silo.Messaging.Email;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Messaging;

/// <summary>What the outbox does with SMTP's answers: a message goes out once, a refusal for good is parked with its reason.</summary>
public sealed class SmtpDeliveryTests(SmtpApiFactory api) : IClassFixture<SmtpApiFactory>
{
    [Fact]
    public async Task AMessageWhoseKeyAlreadyWentOutIsNotSentAgain()
    {
        var sender = api.Services.GetRequiredService<SmtpEmailSender>();
        var recipient = $"once-{Guid.NewGuid():N}@fashionistas.test";
        var message = SampleMessages.Confirmation(MessageChannel.Email, recipient) with { DedupeKey = $"test:{Guid.NewGuid():N}:email" };

        await sender.SendAsync(message, CancellationToken.None);
        await sender.SendAsync(message, CancellationToken.None);

        Assert.Single(api.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == recipient));
        Assert.Equal("sent", await ScalarAsync<string>("SELECT status FROM message_log WHERE recipient = $1", recipient));
    }

    [Fact]
    public async Task AnAddressTheServerRefusesForGoodIsParkedWithTheReason()
    {
        var email = $"ana{InProcessSmtpServer.RefusedMarker}-{Guid.NewGuid():N}@fashionistas.test";
        using (var client = api.Client())
        {
            using var registered = await client.PostAsJsonAsync("/api/auth/register", new { email, password = "Test-password-123", displayName = "Ana" });
            registered.EnsureSuccessStatusCode();
        }

        const string parked = """
            SELECT count(*) FROM outbox o JOIN account_tokens t ON t.id = (o.payload->>'tokenId')::uuid JOIN users u ON u.id = t.user_id
            WHERE u.email = $1 AND o.next_attempt_at = 'infinity' AND o.processed_at IS NULL AND o.last_error LIKE '%554%'
            """;
        Assert.True(await Eventually.TrueAsync(async () => await ScalarAsync<long>(parked, email) == 1, TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain(api.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == email));
    }

    private async Task<T> ScalarAsync<T>(string sql, string parameter)
    {
        await using var command = api.Database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
