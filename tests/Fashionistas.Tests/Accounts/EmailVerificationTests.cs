using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Checkout;

namespace Fashionistas.Tests.Accounts;

/// <summary>An account proves its e-mail before it may buy; everything else works before.</summary>
public sealed class EmailVerificationTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    private readonly AccountCalls calls = new(api);

    [Fact]
    public async Task AnUnverifiedAccountCannotHoldSeatsUntilItFollowsTheEmailedLink()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var sale = await api.CreateOnSaleEventAsync(organizer);
        var buyer = await calls.RegisterAsync();

        using var client = api.Client(buyer.Token);
        using (var refused = await client.PostAsJsonAsync($"/api/ticket-types/{sale.TicketTypeIds[0]}/holds", new { quantity = 1 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.EndsWith("/email-not-verified", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        Assert.False(await VerifiedAsync(client));
        var token = Assert.Single(await calls.LinkTokensAsync(buyer.Email, "email_verification"));
        Assert.Equal(HttpStatusCode.NoContent, await calls.VerifyAsync(token));
        Assert.Equal(HttpStatusCode.BadRequest, await calls.VerifyAsync(token));

        Assert.True(await VerifiedAsync(client));
        await new CheckoutDriver(api).BuyAsync(buyer, sale.TicketTypeIds[0], 1);
    }

    [Fact]
    public async Task AnotherVerificationLinkEndsTheOneBefore()
    {
        var user = await calls.RegisterAsync();
        var first = Assert.Single(await calls.LinkTokensAsync(user.Email, "email_verification"));
        using var client = api.Client(user.Token);
        using (var again = await client.PostAsync("/api/me/verification", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        var second = (await calls.LinkTokensAsync(user.Email, "email_verification", 2))[1];

        Assert.Equal(HttpStatusCode.BadRequest, await calls.VerifyAsync(first));
        Assert.Equal(HttpStatusCode.NoContent, await calls.VerifyAsync(second));
    }

    private static async Task<bool> VerifiedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/me/preferences")).GetProperty("emailVerified").GetBoolean();
}
