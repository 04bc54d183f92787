using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Accounts;

/// <summary>Phone (E.164, Colombian by default), WhatsApp consent and language on "Mi cuenta".</summary>
public sealed class ContactPreferencesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ANationalColombianNumberIsStoredWithPlus57AndOptingOutIsOneCall()
    {
        var user = await api.CreateUserAsync();
        using var client = api.Client(user.Token);

        using var saved = await client.PutAsJsonAsync("/api/me/preferences", new { phone = "300 123 4567", whatsAppOptIn = true, language = "en" });
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("+573001234567", body.GetProperty("phone").GetString());
        Assert.True(body.GetProperty("whatsAppOptIn").GetBoolean());
        Assert.Equal("en", body.GetProperty("language").GetString());

        using var optOut = await client.DeleteAsync("/api/me/whatsapp");
        Assert.Equal(HttpStatusCode.NoContent, optOut.StatusCode);
        var now = await client.GetFromJsonAsync<JsonElement>("/api/me/preferences");
        Assert.False(now.GetProperty("whatsAppOptIn").GetBoolean());
        Assert.Equal("+573001234567", now.GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("""{"phone":"call me","whatsAppOptIn":false,"language":"es"}""", "phone")]
    [InlineData("""{"phone":null,"whatsAppOptIn":true,"language":"es"}""", "whatsAppOptIn")]
    [InlineData("""{"phone":"+573001234567","whatsAppOptIn":false,"language":"fr"}""", "language")]
    public async Task BadPreferencesAreRefusedFieldByFieldAndNothingChanges(string json, string field)
    {
        var user = await api.CreateUserAsync();
        using var client = api.Client(user.Token);

        using var refused = await client.PutAsync("/api/me/preferences", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        var now = await client.GetFromJsonAsync<JsonElement>("/api/me/preferences");
        Assert.Equal(JsonValueKind.Null, now.GetProperty("phone").ValueKind);
        Assert.Equal("es", now.GetProperty("language").GetString());
    }
}
