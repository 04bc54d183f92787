using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using Xunit;

namespace Fashionistas.Tests.Industry;

/// <summary>The requests the industry tests repeat: profiles, collections, sponsors, reading JSON answers.</summary>
public static class IndustryCalls
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

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

    /// <summary>The designer applies the collection to the show and its organizer accepts it: it is in the lineup.</summary>
    public static async Task ShowCollectionAsync(this ApiFactory api, TestUser organizer, Guid eventId, TestUser designer, Guid collection)
    {
        await api.SendAsync(designer.Token, HttpMethod.Post, $"/api/collections/{collection}/applications", new { eventId });
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{eventId}/collections/{collection}", expected: HttpStatusCode.NoContent);
    }

    /// <summary>The organizer casts the model and the model accepts: they are in the lineup.</summary>
    public static async Task CastModelAsync(this ApiFactory api, TestUser organizer, Guid eventId, TestUser model, DateTimeOffset? callTime = null)
    {
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{eventId}/models/{model.Id}", new { callTime, note = "Llegar maquillada" });
        await api.SendAsync(model.Token, HttpMethod.Put, $"/api/me/model/castings/{eventId}", new { answer = "accept" });
    }

    /// <summary>Posts one file as multipart/form-data (field <c>file</c>, optional <c>caption</c>).</summary>
    public static async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> UploadAsync(
        this ApiFactory api, string? token, string path, byte[] bytes, string contentType, string? caption = null)
    {
        using var client = api.Client(token);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", "look.png");
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        using var response = await client.PostAsync(path, form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Random bytes of <paramref name="length"/> that start like a PNG.</summary>
    public static byte[] Png(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        PngSignature.AsSpan(0, Math.Min(length, PngSignature.Length)).CopyTo(bytes);
        return bytes;
    }

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
