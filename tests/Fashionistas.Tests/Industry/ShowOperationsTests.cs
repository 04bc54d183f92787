using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Fashionistas.Tests.Industry;

/// <summary>Running a show: the running order, the backstage schedule and each person's agenda with its .ics export.</summary>
public sealed class ShowOperationsTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task TheRunningOrderTakesOnlyCollectionsAndModelsThatAgreedToTheShow()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await api.DesignerAsync("Orquídea");
        var collection = await api.CollectionAsync(designer);
        var model = await api.ModelAsync("Camila");
        var invitedOnly = await api.ModelAsync("Sin respuesta");
        await api.ShowCollectionAsync(organizer, show.Id, designer, collection);
        await api.CastModelAsync(organizer, show.Id, model);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/models/{invitedOnly.Id}", new { });
        var path = $"/api/events/{show.Id}/running-order";

        await api.SendAsync(organizer.Token, HttpMethod.Put, path,
            new { lines = new[] { new { segment = "Apertura", collectionId = collection, modelId = invitedOnly.Id, look = "Look 1" } } },
            HttpStatusCode.Conflict);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM running_order WHERE event_id = $1", show.Id));

        var order = await api.SendAsync(organizer.Token, HttpMethod.Put, path, new
        {
            lines = new object[]
            {
                new { segment = "Apertura", collectionId = collection, modelId = model.Id, look = "Look 1" },
                new { segment = "Cierre", collectionId = collection, modelId = (Guid?)null, look = "Novia" },
            },
        });
        var entries = order.EnumerateArray().ToList();
        Assert.Equal([1, 2], entries.Select(e => e.GetProperty("position").GetInt32()));
        Assert.Equal("Camila", entries[0].GetProperty("modelName").GetString());
        Assert.Equal("Orquídea", entries[1].GetProperty("brandName").GetString());
    }

    [Fact]
    public async Task ParallelSavesOfTheRunningOrderLeaveExactlyOneOfThemWhole()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        const int saves = 10;

        var answers = await Task.WhenAll(Enumerable.Range(0, saves).Select(async save =>
        {
            using var client = api.Client(organizer.Token);
            var lines = Enumerable.Range(1, 3 + save).Select(look => new { segment = $"Guardado {save}", look = $"Look {look}" }).ToArray();
            using var response = await client.PutAsJsonAsync($"/api/events/{show.Id}/running-order", new { lines });
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var segments = await api.ScalarAsync<long>("SELECT count(DISTINCT segment) FROM running_order WHERE event_id = $1", show.Id);
        var rows = await api.ScalarAsync<long>("SELECT count(*) FROM running_order WHERE event_id = $1", show.Id);
        var winner = await api.ScalarAsync<string>("SELECT min(segment) FROM running_order WHERE event_id = $1", show.Id);
        Assert.Equal(1L, segments);
        Assert.Equal(3L + int.Parse(winner["Guardado ".Length..], System.Globalization.CultureInfo.InvariantCulture), rows);
        Assert.Equal(rows, await api.ScalarAsync<long>("SELECT max(position)::bigint FROM running_order WHERE event_id = $1", show.Id));
    }

    [Fact]
    public async Task AModelWhoDeclinesAndACollectionThatIsWithdrawnLeaveTheRunningOrder()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await api.DesignerAsync("Arena");
        var collection = await api.CollectionAsync(designer);
        var model = await api.ModelAsync("Paula");
        await api.ShowCollectionAsync(organizer, show.Id, designer, collection);
        await api.CastModelAsync(organizer, show.Id, model);
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/running-order",
            new { lines = new[] { new { segment = "Apertura", collectionId = collection, modelId = model.Id, look = "Look 1" } } });

        await api.SendAsync(model.Token, HttpMethod.Put, $"/api/me/model/castings/{show.Id}", new { answer = "decline" });
        await api.SendAsync(designer.Token, HttpMethod.Delete, $"/api/collections/{collection}/applications/{show.Id}", expected: HttpStatusCode.NoContent);

        var line = Assert.Single((await api.GetAsync($"/api/events/{show.Id}/running-order", organizer.Token)).EnumerateArray());
        Assert.Equal("Look 1", line.GetProperty("look").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("modelId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("collectionId").ValueKind);
    }

    [Fact]
    public async Task EachPersonSeesOnlyTheirOwnScheduleOnTheirAgendaAndExportsIt()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer);
        var designer = await api.DesignerAsync("Flor de Mayo");
        var model = await api.ModelAsync("Mariana");
        var outsider = await api.ModelAsync("No invitada");
        await api.ShowCollectionAsync(organizer, show.Id, designer, await api.CollectionAsync(designer));
        var callTime = DateTimeOffset.UtcNow.AddDays(29).AddHours(-3);
        await api.CastModelAsync(organizer, show.Id, model, callTime);
        var backstage = $"/api/events/{show.Id}/backstage";
        var starts = DateTimeOffset.UtcNow.AddDays(29);

        await api.SendAsync(organizer.Token, HttpMethod.Post, backstage,
            new { kind = "rehearsal", title = "Ensayo general", startsAt = starts, endsAt = starts.AddHours(1), location = "Pasarela" },
            HttpStatusCode.Created);
        await api.SendAsync(organizer.Token, HttpMethod.Post, backstage,
            new { kind = "hair_makeup", title = "Peinado Mariana", startsAt = starts.AddHours(-2), personId = model.Id }, HttpStatusCode.Created);
        await api.SendAsync(organizer.Token, HttpMethod.Post, backstage,
            new { kind = "fitting", title = "Prueba", startsAt = starts, personId = outsider.Id }, HttpStatusCode.Conflict);

        var modelAgenda = (await api.GetAsync("/api/me/agenda", model.Token)).EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["call", "hair_makeup", "rehearsal", "show"], modelAgenda.Order(StringComparer.Ordinal));
        var designerAgenda = (await api.GetAsync("/api/me/agenda", designer.Token)).EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["rehearsal", "show"], designerAgenda.Order(StringComparer.Ordinal));
        Assert.Empty((await api.GetAsync("/api/me/agenda", outsider.Token)).EnumerateArray());

        using var client = api.Client(model.Token);
        using var ics = await client.GetAsync("/api/me/agenda.ics?lang=en");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Equal(4, Regex.Matches(text, "BEGIN:VEVENT").Count);
        Assert.Contains("SUMMARY:Hair and make-up: Peinado Mariana", text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{callTime.UtcDateTime:yyyyMMdd'T'HHmmss}Z", text, StringComparison.Ordinal);
    }
}
