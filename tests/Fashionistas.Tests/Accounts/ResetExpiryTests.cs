using System.Net;

namespace Fashionistas.Tests.Accounts;

/// <summary>A reset link past its life is refused (here the life is two seconds).</summary>
public sealed class ResetExpiryTests(ShortResetApiFactory api) : IClassFixture<ShortResetApiFactory>
{
    [Fact]
    public async Task AResetLinkPastItsLifeIsRefused()
    {
        var calls = new AccountCalls(api);
        var user = await calls.RegisterAsync();
        (await calls.RequestResetAsync(user.Email)).Dispose();
        var token = Assert.Single(await calls.LinkTokensAsync(user.Email, "password_reset"));

        // Wait on the database's clock, the one the token is checked against.
        Assert.True(await Infrastructure.Eventually.TrueAsync(
            async () => await calls.CountAsync(
                "SELECT count(*) FROM account_tokens WHERE user_id = $1 AND purpose = 'password_reset' AND expires_at < now()", user.Id) == 1,
            TimeSpan.FromSeconds(20)));

        Assert.Equal(HttpStatusCode.BadRequest, await calls.ResetAsync(token, "Too-late-password-1"));
        Assert.Equal(HttpStatusCode.OK, await calls.LoginStatusAsync(user.Email, user.Password));
    }
}
