using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using Xunit;

namespace Fashionistas.Tests.Industry;

/// <summary>The requests the industry tests repeat: profiles, collections, sponsors, reading JSON answers.</summary>
public static class IndustryCalls
{
    public static async Task<JsonElement> SendAsync(
        this ApiFactory api, string? token, HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = api.Client(token);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> GetAsync(this ApiFactory api, string path, string? token = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        api.SendAsync(token, HttpMethod.Get, path, expected: expected);

    /// <summary>A designer user with a profile.</summary>
    public static async Task<TestUser> DesignerAsync(this ApiFactory api, string brand = "Casa Bogotá")
    {
        var designer = await api.CreateUserAsync("designer", brand);
        await api.SendAsync(designer.Token, HttpMethod.Put, "/api/me/designer", new { brandName = brand, bio = "Moda sostenible", city = "Bogotá" });
        return designer;
    }

    /// <summary>A model user with a profile.</summary>
    public static async Task<TestUser> ModelAsync(this ApiFactory api, string name = "Valeria")
    {
        var model = await api.CreateUserAsync("model", name);
        await api.SendAsync(model.Token, HttpMethod.Put, "/api/me/model", new { displayName = name, city = "Medellín", heightCm = 178 });
        return model;
    }

    public static async Task<Guid> CollectionAsync(this ApiFactory api, TestUser designer, string name = "Selva Urbana") =>
        (await api.SendAsync(designer.Token, HttpMethod.Post, "/api/collections",
            new { name, season = "Primavera-Verano 2026", description = "Looks de selva", pieces = 24 }, HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    public static async Task<Guid> SponsorAsync(this ApiFactory api, TestUser organizer, string? name = null) =>
        (await api.SendAsync(organizer.Token, HttpMethod.Post, "/api/sponsors", new
        {
            name = name ?? $"Marca {Guid.NewGuid():N}",
            contactName = "Camila Restrepo",
            contactEmail = "camila@marca.co",
            phone = "+57 300 123 4567",
            tier = "gold",
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>A draft event of <paramref name="organizer"/> (seen only by them and admins).</summary>
    public static async Task<Guid> DraftEventAsync(this ApiFactory api, TestUser organizer) =>
        (await api.SendAsync(organizer.Token, HttpMethod.Post, "/api/events", new
        {
            name = "Pasarela privada",
            venue = "Cartagena",
            startsAt = DateTimeOffset.UtcNow.AddDays(30),
            endsAt = DateTimeOffset.UtcNow.AddDays(30).AddHours(2),
            capacity = 300,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static async Task<T> ScalarAsync<T>(this ApiFactory api, string sql, params object[] parameters)
    {
        await using var command = api.Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
