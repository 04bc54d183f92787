using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fashionistas.Tests.Accounts;

/// <summary>"I forgot my password" end to end: request, e-mailed link, new password; once, within its life.</summary>
public sealed class PasswordResetTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    private const string Template = "password_reset";
    private readonly AccountCalls calls = new(api);

    [Fact]
    public async Task AResetLinkWorksOnceAndOnlyThenTheNewPasswordSignsIn()
    {
        var user = await calls.RegisterAsync();
        using (var accepted = await calls.RequestResetAsync(user.Email))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var token = Assert.Single(await calls.LinkTokensAsync(user.Email, Template));

        Assert.Equal(HttpStatusCode.NoContent, await calls.ResetAsync(token, "Brand-new-password-1"));
        Assert.Equal(HttpStatusCode.OK, await calls.LoginStatusAsync(user.Email, "Brand-new-password-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await calls.LoginStatusAsync(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.BadRequest, await calls.ResetAsync(token, "Another-password-2"));
        Assert.Equal(HttpStatusCode.OK, await calls.LoginStatusAsync(user.Email, "Brand-new-password-1"));

        // Its life is 30 minutes from the e-mail; only the hash is stored.
        var minutes = await calls.CountAsync(
            "SELECT round(extract(epoch FROM expires_at - created_at) / 60) FROM account_tokens WHERE user_id = $1 AND purpose = 'password_reset'", user.Id);
        Assert.InRange(minutes, 30, 31);
        Assert.Equal(1, await calls.CountAsync(
            "SELECT count(*) FROM account_tokens WHERE user_id = $1 AND token_hash = sha256(convert_to($2, 'UTF8'))", user.Id, token));
    }

    [Fact]
    public async Task TheAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount()
    {
        var user = await calls.RegisterAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@fashionistas.test";

        using var known = await calls.RequestResetAsync(user.Email);
        using var missing = await calls.RequestResetAsync(unknown);

        Assert.Equal(known.StatusCode, missing.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await missing.Content.ReadAsStringAsync());
        await calls.LinkTokensAsync(user.Email, Template);
        Assert.Empty(await calls.ReadTokensAsync(unknown, Template));
    }

    [Fact]
    public async Task FiftyParallelResetsForOneAddressLeaveExactlyOneUsableLink()
    {
        var user = await calls.RegisterAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await calls.RequestResetAsync(user.Email);
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        Assert.Single(answers.Select(a => a.Body.GetRawText()).Distinct());

        // Counted under the user's row lock: the hourly share (3) was queued, not 50. Each e-mail that goes out ends every
        // other open link, so requests still queued when the first goes out send nothing more, and however many went
        // out (one on a quiet machine, up to three when the outbox runs between requests) exactly one link works.
        Assert.Equal(3, await calls.CountAsync(
            "SELECT count(*) FROM account_tokens WHERE user_id = $1 AND purpose = 'password_reset'", user.Id));
        Assert.True(await Infrastructure.Eventually.TrueAsync(
            async () => await calls.CountAsync(
                """
                SELECT count(*) FROM outbox o JOIN account_tokens t ON t.id = (o.payload->>'tokenId')::uuid
                WHERE t.user_id = $1 AND o.kind = 'password_reset' AND o.processed_at IS NULL
                """, user.Id) == 0,
            TimeSpan.FromSeconds(30)));
        var tokens = await calls.ReadTokensAsync(user.Email, Template);
        Assert.InRange(tokens.Count, 1, 3);

        var resets = new List<HttpStatusCode>();
        foreach (var token in tokens)
        {
            resets.Add(await calls.ResetAsync(token, "Parallel-password-1"));
        }

        Assert.Single(resets, HttpStatusCode.NoContent);
        Assert.Equal(tokens.Count - 1, resets.Count(a => a == HttpStatusCode.BadRequest));
        var usable = tokens[resets.IndexOf(HttpStatusCode.NoContent)];
        Assert.Equal(HttpStatusCode.BadRequest, await calls.ResetAsync(usable, "Parallel-password-2"));
        Assert.Equal(HttpStatusCode.OK, await calls.LoginStatusAsync(user.Email, "Parallel-password-1"));
    }

    [Fact]
    public async Task AfterAResetOlderAccessTokensStopWorking()
    {
        var user = await calls.RegisterAsync();
        using var before = api.Client(user.Token);
        using (var ok = await before.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        (await calls.RequestResetAsync(user.Email)).Dispose();
        var token = Assert.Single(await calls.LinkTokensAsync(user.Email, Template));
        Assert.Equal(HttpStatusCode.NoContent, await calls.ResetAsync(token, "After-reset-password-1"));

        using (var refused = await before.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var after = api.Client(await api.LoginAsync(user.Email, "After-reset-password-1"));
        using var fresh = await after.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
