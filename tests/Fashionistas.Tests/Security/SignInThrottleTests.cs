using System.Net;
using System.Net.Http.Json;

namespace Fashionistas.Tests.Security;

/// <summary>Guessing one account's password is slowed down per account, whichever addresses the guesses come from.</summary>
public sealed class SignInThrottleTests(SignInThrottleApiFactory api) : IClassFixture<SignInThrottleApiFactory>, IDisposable
{
    private readonly HttpClient _client = api.Client();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task AfterTheFreeAttemptsEvenTheRightPasswordMustWaitWhileOtherAccountsSignInFreely()
    {
        var victim = await api.CreateUserAsync();
        var bystander = await api.CreateUserAsync();

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < SignInThrottleApiFactory.FreeAttempts; i++)
        {
            guesses.Add(await SignInAsync(victim.Email, $"Guess-number-{i}"));
        }

        using var right = await PostAsync(victim.Email, victim.Password);
        var other = await SignInAsync(bystander.Email, bystander.Password);

        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.Unauthorized, g));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(right.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 30);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task ABurstOfParallelGuessesGetsOnlyTheFreeAttempts()
    {
        var email = $"nadie-{Guid.NewGuid():N}@fashionistas.test";

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SignInAsync(email, $"Guess-{i}-password")));

        Assert.Equal(SignInThrottleApiFactory.FreeAttempts, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(20 - SignInThrottleApiFactory.FreeAttempts, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    private async Task<HttpStatusCode> SignInAsync(string email, string password)
    {
        using var response = await PostAsync(email, password);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> PostAsync(string email, string password) =>
        _client.PostAsJsonAsync("/api/auth/login", new { email = email.ToUpperInvariant(), password });
}
