using System.Net.Http.Headers;
using System.Text;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Industry;

/// <summary>Malformed industry requests: each gets a 4xx problem+json and no industry table (nor the outbox) changes.</summary>
public sealed class IndustryBadInputTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    private const string Json = "application/json";

    /// <summary>The outbox is compared by what was written, not by the dispatcher's progress on it (which runs meanwhile).</summary>
    private static readonly string[] WatchedTables =
        ["designers", "models", "collections", "fashion_images", "event_collections", "event_models", "sponsors", "sponsor_members",
         "event_sponsors", "model_photos", "running_order", "backstage_slots", "sponsor_benefits", "sponsor_placement_views",
         "(SELECT id, kind, payload FROM outbox)"];

    [Fact]
    public async Task MalformedIndustryRequestsGetProblemJsonAndChangeNothing()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await api.DesignerAsync("Casa Existente");
        var model = await api.ModelAsync();
        var collection = await api.CollectionAsync(designer);
        var sponsor = await api.SponsorAsync(organizer, "Patrocinador Uno");
        await api.SponsorAsync(organizer, "Patrocinador Dos");
        var (o, d, m) = (organizer.Token, designer.Token, model.Token);
        var unknown = Guid.NewGuid();
        var longText = new string('x', 2_500);
        var multipartWithoutFile = "--b\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nsolo texto\r\n--b--\r\n";

        var requests = new List<(string Method, string Path, string? Body, string? Token, string ContentType)>
        {
            ("PUT", "/api/me/designer", "{}", d, Json),
            ("PUT", "/api/me/designer", "not json", d, Json),
            ("PUT", "/api/me/designer", $$"""{"brandName":"{{longText}}"}""", d, Json),
            ("PUT", "/api/me/designer", """{"brandName":"Casa","instagram":"no es un handle!"}""", d, Json),
            ("PUT", "/api/me/designer", """{"brandName":"Casa","website":"ftp://files.example.co"}""", d, Json),
            ("PUT", "/api/me/designer", """{"brandName":"Casa","website":"casa.co"}""", d, Json),
            ("PUT", "/api/me/designer", """{"brandName":12}""", d, Json),
            ("PUT", "/api/me/designer", $$"""{"brandName":"{{new string('y', 100_000)}}"}""", d, Json),
            ("PUT", "/api/me/model", """{"displayName":"Ana","heightCm":20}""", m, Json),
            ("PUT", "/api/me/model", """{"displayName":"Ana","waistCm":"sesenta"}""", m, Json),
            ("PUT", "/api/me/model", """{"displayName":"Ana","hipsCm":90.5}""", m, Json),
            ("PUT", "/api/me/model", """{"city":"Cali"}""", m, Json),
            ("PUT", "/api/me/model", $$"""{"displayName":"Ana","availability":"{{longText}}"}""", m, Json),
            ("POST", "/api/collections", """{"name":"Nueva","pieces":-1}""", d, Json),
            ("POST", "/api/collections", """{"name":"  "}""", d, Json),
            ("POST", "/api/collections", """{"name":"Nueva","pieces":5000}""", d, Json),
            ("POST", "/api/collections", "[]", d, Json),
            ("PUT", $"/api/collections/{unknown}", """{"name":"Nada"}""", d, Json),
            ("PUT", $"/api/collections/{collection}", """{"name":"Sin piezas","pieces":"muchas"}""", d, Json),
            ("DELETE", $"/api/collections/{collection}/images/{unknown}", null, d, Json),
            ("POST", $"/api/collections/{collection}/images", """{"file":"aGVsbG8="}""", d, Json),
            ("POST", $"/api/collections/{collection}/images", multipartWithoutFile, d, "multipart/form-data; boundary=b"),
            ("POST", $"/api/collections/{collection}/images", "--b\r\nbroken", d, "multipart/form-data; boundary=b"),
            ("POST", $"/api/collections/{unknown}/images", multipartWithoutFile, d, "multipart/form-data; boundary=b"),
            ("GET", "/api/collections/not-a-guid", null, null, Json),
            ("GET", $"/api/collections/{unknown}", null, null, Json),
            ("GET", $"/api/designers/{unknown}", null, null, Json),
            ("GET", $"/api/models/{unknown}", null, null, Json),
            ("GET", "/api/designers?page=0", null, null, Json),
            ("GET", "/api/designers?page=2147483647", null, null, Json),
            ("GET", "/api/models?pageSize=1000", null, null, Json),
            ("GET", "/api/sponsors?page=-1", null, o, Json),
            ("POST", "/api/sponsors", """{"name":"Marca","tier":"diamond"}""", o, Json),
            ("POST", "/api/sponsors", """{"name":"Marca","tier":"gold","contactEmail":"no-es-correo"}""", o, Json),
            ("POST", "/api/sponsors", """{"name":"Marca","tier":"gold","phone":"llámame"}""", o, Json),
            ("POST", "/api/sponsors", """{"tier":"gold"}""", o, Json),
            ("POST", "/api/sponsors", """{"name":"patrocinador uno","tier":"gold"}""", o, Json),
            ("PUT", $"/api/sponsors/{sponsor}", """{"name":"Patrocinador Dos","tier":"gold"}""", o, Json),
            ("PUT", $"/api/sponsors/{unknown}", """{"name":"Fantasma","tier":"gold"}""", o, Json),
            ("PUT", $"/api/sponsors/{sponsor}/members/{unknown}", null, o, Json),
            ("PUT", $"/api/events/{show.Id}/sponsors/{sponsor}", """{"tier":"gold","contribution":-5}""", o, Json),
            ("PUT", $"/api/events/{show.Id}/sponsors/{sponsor}", """{"contribution":1000}""", o, Json),
            ("PUT", $"/api/events/{show.Id}/sponsors/{sponsor}", """{"tier":"gold","contribution":1e30}""", o, Json),
            ("PUT", $"/api/events/{show.Id}/sponsors/{unknown}", """{"tier":"gold","contribution":1000}""", o, Json),
            ("DELETE", $"/api/events/{show.Id}/sponsors/{sponsor}", null, o, Json),
            ("PUT", $"/api/events/{show.Id}/collections/{unknown}", null, o, Json),
            ("PUT", $"/api/events/{show.Id}/models/{unknown}", null, o, Json),
            ("PUT", $"/api/events/{unknown}/models/{model.Id}", null, o, Json),
            ("GET", $"/api/events/{unknown}/lineup", null, null, Json),
            ("POST", $"/api/collections/{collection}/applications", "{}", d, Json),
            ("POST", $"/api/collections/{collection}/applications", $$"""{"eventId":"{{unknown}}"}""", d, Json),
            ("POST", $"/api/collections/{collection}/applications", $$"""{"eventId":"{{show.Id}}","note":"{{longText}}"}""", d, Json),
            ("POST", $"/api/collections/{unknown}/applications", $$"""{"eventId":"{{show.Id}}"}""", d, Json),
            ("DELETE", $"/api/collections/{collection}/applications/{show.Id}", null, d, Json),
            ("PUT", $"/api/events/{show.Id}/models/{model.Id}", """{"callTime":"mañana"}""", o, Json),
            ("PUT", $"/api/events/{show.Id}/models/{model.Id}", """{"callTime":"0001-01-01T00:00:00Z"}""", o, Json),
            ("PUT", $"/api/me/model/castings/{show.Id}", """{"answer":"accept"}""", m, Json),
            ("PUT", $"/api/me/model/castings/{show.Id}", """{"answer":"maybe"}""", m, Json),
            ("POST", "/api/me/model/photos", multipartWithoutFile, m, "multipart/form-data; boundary=b"),
            ("DELETE", $"/api/me/model/photos/{unknown}", null, m, Json),
            ("PUT", $"/api/events/{show.Id}/running-order", "{}", o, Json),
            ("PUT", $"/api/events/{show.Id}/running-order", """{"lines":[{"segment":""}]}""", o, Json),
            ("PUT", $"/api/events/{show.Id}/running-order", """{"lines":[null]}""", o, Json),
            ("PUT", $"/api/events/{show.Id}/running-order", $$"""{"lines":[{"segment":"A","modelId":"{{model.Id}}"}]}""", o, Json),
            ("PUT", $"/api/events/{show.Id}/running-order", $$"""{"lines":[{"segment":"A","collectionId":"{{collection}}"}]}""", o, Json),
            ("POST", $"/api/events/{show.Id}/backstage", """{"kind":"party","title":"Fiesta","startsAt":"2030-01-01T10:00:00Z"}""", o, Json),
            ("POST", $"/api/events/{show.Id}/backstage", """{"kind":"fitting","title":"Prueba"}""", o, Json),
            ("POST", $"/api/events/{show.Id}/backstage",
                """{"kind":"fitting","title":"Prueba","startsAt":"2030-01-01T10:00:00Z","endsAt":"2030-01-01T09:00:00Z"}""", o, Json),
            ("POST", $"/api/events/{show.Id}/backstage",
                $$"""{"kind":"fitting","title":"Prueba","startsAt":"2030-01-01T10:00:00Z","personId":"{{model.Id}}"}""", o, Json),
            ("DELETE", $"/api/events/{show.Id}/backstage/{unknown}", null, o, Json),
            ("POST", $"/api/events/{show.Id}/sponsors/{sponsor}/benefits", """{"kind":"tickets","description":"10 boletas"}""", o, Json),
            ("POST", $"/api/events/{show.Id}/sponsors/{sponsor}/benefits", """{"kind":"logo","description":"Logo"}""", o, Json),
            ("PUT", $"/api/events/{show.Id}/sponsors/{sponsor}/benefits/{unknown}/delivered", null, o, Json),
        };
        Assert.True(requests.Count >= 15);
        var before = await SnapshotAsync();

        var failures = new List<string>();
        foreach (var (method, path, body, token, contentType) in requests)
        {
            using var client = api.Client(token);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            using var response = await client.SendAsync(request);
            if (await ProblemAnswers.DescribeIfNotProblemAsync(response) is { } unexpected)
            {
                failures.Add($"{method} {path} body={body?[..Math.Min(body.Length, 60)]}: {unexpected}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>A digest of every watched table's rows (so an update counts, not only an insert).</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in WatchedTables)
        {
            digests[table] = await api.ScalarAsync<string>(
                $"SELECT count(*) || ':' || COALESCE(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM {table} t");
        }

        return digests;
    }
}
