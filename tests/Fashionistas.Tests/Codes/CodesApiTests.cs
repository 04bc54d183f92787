using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Infrastructure;
using static Fashionistas.Tests.Codes.CodeTestSteps;

namespace Fashionistas.Tests.Codes;

/// <summary>Promo codes, presale codes and hidden tiers through the API: prices in exact COP, limits, windows, bad input.</summary>
public sealed class CodesApiTests(CodesApiFactory api) : IClassFixture<CodesApiFactory>
{
    [Fact]
    public async Task EarlyBirdGroupAndCodeDiscountsCombineByTheOneRuleInTheHoldAndTheOrder()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, eventCapacity: 1_000, tierCapacities: 10);
        var now = DateTimeOffset.UtcNow;
        var tier = await AddTierAsync(api, organizer, show.Id, new
        {
            name = "Platea",
            price = 250_000,
            capacity = 100,
            perBuyerLimit = 10,
            salesStart = now.AddDays(-1),
            earlyBirdPrice = 199_900,
            earlyBirdDeadline = now.AddDays(5),
            groupDiscountThreshold = 4,
            groupDiscountPercentage = 10,
        });
        await CreateCodeAsync(api, organizer, show.Id, new { code = "QUINCE", percentOff = 15 });
        await CreateCodeAsync(api, organizer, show.Id, new { code = "VEINTEMIL", amountOff = 20_000 });

        // 199,900 early bird → 10 % group: 179,910 → 15 % code: 152,923.5 → 152,924 (half up); × 4 = 611,696.
        var percent = await HoldAsync(api, await api.CreateUserAsync(), tier, 4, "quince");
        Assert.Equal(HttpStatusCode.Created, percent.Status);
        Assert.Equal(152_924, percent.Body.GetProperty("unitPrice").GetInt64());
        Assert.Equal(611_696, percent.Body.GetProperty("total").GetInt64());

        // 179,910 − 20,000 = 159,910 a seat; × 4 = 639,640.
        var buyer = await api.CreateUserAsync();
        var fixedOff = await HoldAsync(api, buyer, tier, 4, "VeinteMil");
        Assert.Equal(159_910, fixedOff.Body.GetProperty("unitPrice").GetInt64());
        Assert.Equal(639_640, fixedOff.Body.GetProperty("total").GetInt64());

        // Below the group threshold: 199,900 − 15 % = 169,915.
        var single = await HoldAsync(api, await api.CreateUserAsync(), tier, 1, "QUINCE");
        Assert.Equal(169_915, single.Body.GetProperty("total").GetInt64());

        using var client = api.Client(buyer.Token);
        using var checkout = await client.PostAsync($"/api/holds/{fixedOff.Body.GetProperty("holdId").GetGuid()}/checkout", null);
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        var order = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(639_640, order.GetProperty("total").GetInt64());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{order.GetProperty("orderId").GetGuid()}");
        Assert.Equal(639_640, stored.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task ABuyerUsesACodeOnlyAsOftenAsItsPerBuyerLimitAllows()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 50);
        var tier = show.TicketTypeIds[0];
        await CreateCodeAsync(api, organizer, show.Id, new { code = "UNA-VEZ", percentOff = 50, maxUsesPerBuyer = 1 });
        var first = await api.CreateUserAsync();

        Assert.Equal(HttpStatusCode.Created, (await HoldAsync(api, first, tier, 1, "una-vez")).Status);
        var again = await HoldAsync(api, first, tier, 1, "UNA-VEZ");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("The code cannot be used.", again.Body.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, (await HoldAsync(api, await api.CreateUserAsync(), tier, 1, "una-vez")).Status);

        // Without the code the same buyer still buys at the full price.
        var full = await HoldAsync(api, first, tier, 1);
        Assert.Equal(100_000, full.Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AHiddenTierIsNeitherListedNorBuyableUntilItsCodeIsEntered()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, eventCapacity: 100, tierCapacities: 10);
        var hidden = await AddTierAsync(api, organizer, show.Id, new { name = "Backstage", price = 400_000, capacity = 5, hidden = true });
        await CreateCodeAsync(api, organizer, show.Id, new { code = "TODOS", percentOff = 5 });
        await CreateCodeAsync(api, organizer, show.Id, new { code = "BACKSTAGE-VIP", ticketTypeIds = new[] { hidden } });
        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);
        using var owner = api.Client(organizer.Token);

        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}");
        Assert.DoesNotContain(hidden, listed.GetProperty("ticketTypes").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        var seats = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/availability");
        Assert.DoesNotContain(hidden, seats.GetProperty("ticketTypes").EnumerateArray().Select(t => t.GetProperty("ticketTypeId").GetGuid()));
        var managed = await owner.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}");
        Assert.Contains(hidden, managed.GetProperty("ticketTypes").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.NotFound, (await HoldAsync(api, buyer, hidden, 1)).Status);
        using (var waitlist = await client.PostAsync($"/api/ticket-types/{hidden}/waitlist", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, waitlist.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await HoldAsync(api, buyer, hidden, 1, "TODOS")).Status);
        var withTodos = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/code-check?code=todos");
        Assert.DoesNotContain(hidden, withTodos.GetProperty("ticketTypes").EnumerateArray().Select(t => t.GetProperty("ticketType").GetProperty("id").GetGuid()));

        var check = await client.GetFromJsonAsync<JsonElement>($"/api/events/{show.Id}/code-check?code=backstage-vip");
        var revealed = Assert.Single(check.GetProperty("ticketTypes").EnumerateArray());
        Assert.Equal(hidden, revealed.GetProperty("ticketType").GetProperty("id").GetGuid());
        Assert.Equal(400_000, revealed.GetProperty("unitPrice").GetInt64());
        var held = await HoldAsync(api, buyer, hidden, 2, "Backstage-VIP");
        Assert.Equal(HttpStatusCode.Created, held.Status);
        Assert.Equal(800_000, held.Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task APresaleCodeHoldsBeforeThePublicSaleAndOnlyWithinItsWindow()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var now = DateTimeOffset.UtcNow;
        var eventId = await api.CreateDraftEventAsync(organizer, new
        {
            name = "Preventa",
            venue = "Cali",
            startsAt = now.AddDays(10),
            endsAt = now.AddDays(10).AddHours(2),
            capacity = 100,
        });
        var tier = await AddTierAsync(api, organizer, eventId, new { name = "General", price = 80_000, capacity = 50, salesStart = now.AddDays(2) });
        using (var admin = api.Client(await api.AdminTokenAsync()))
        {
            foreach (var status in new[] { "review", "published" })
            {
                using var step = await admin.PostAsJsonAsync($"/api/events/{eventId}/status", new { status });
                step.EnsureSuccessStatusCode();
            }
        }

        await CreateCodeAsync(api, organizer, eventId, new { code = "SEGUIDORES", opensPresale = true, validFrom = now.AddHours(-1), validUntil = now.AddDays(2) });
        await CreateCodeAsync(api, organizer, eventId, new { code = "MANANA", opensPresale = true, validFrom = now.AddDays(1) });
        await CreateCodeAsync(api, organizer, eventId, new { code = "SOLO-DESCUENTO", percentOff = 10 });
        var buyer = await api.CreateUserAsync();

        // The event is only published and the tier's sale opens in two days: the public cannot hold yet.
        Assert.Equal(HttpStatusCode.Conflict, (await HoldAsync(api, buyer, tier, 1)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await HoldAsync(api, buyer, tier, 1, "solo-descuento")).Status);
        var early = await HoldAsync(api, buyer, tier, 1, "manana");
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Equal("The code cannot be used.", early.Body.GetProperty("title").GetString());

        var presale = await HoldAsync(api, buyer, tier, 2, "seguidores");
        Assert.Equal(HttpStatusCode.Created, presale.Status);
        Assert.Equal(160_000, presale.Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task BadCodesAndBadCodeRequestsAreProblemsNotErrors()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var tier = show.TicketTypeIds[0];
        var codeId = await CreateCodeAsync(api, organizer, show.Id, new { code = "EXISTE", percentOff = 10 });
        var buyer = await api.CreateUserAsync();
        using var owner = api.Client(organizer.Token);
        using var client = api.Client(buyer.Token);

        async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
        {
            using (response)
            {
                Assert.Equal(status, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                await response.Content.ReadFromJsonAsync<JsonElement>();
            }
        }

        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1, code = "no" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1, code = "<script>" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1, code = "NO-EXISTE" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/ticket-types/{Guid.NewGuid()}/holds", new { quantity = 1, code = "EXISTE" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync($"/api/events/{show.Id}/code-check?code=NO-EXISTE"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync($"/api/events/{show.Id}/code-check"), HttpStatusCode.NotFound);

        var codes = $"/api/events/{show.Id}/codes";
        await AssertProblemAsync(await owner.PostAsJsonAsync(codes, new { code = "AMBOS", percentOff = 10, amountOff = 1_000 }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await owner.PostAsJsonAsync(codes, new { code = "CERO", percentOff = 0 }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await owner.PostAsJsonAsync(codes, new { code = "MUCHO", percentOff = 101 }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await owner.PostAsJsonAsync(codes, new { code = "X" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await owner.PostAsJsonAsync(codes, new { code = "FECHAS", validFrom = DateTimeOffset.UtcNow, validUntil = DateTimeOffset.UtcNow.AddDays(-1) }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await owner.PostAsJsonAsync(codes, new { code = "AJENO", ticketTypeIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await owner.PostAsJsonAsync(codes, new { code = "existe", percentOff = 20 }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await owner.DeleteAsync($"{codes}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        using (var disabled = await owner.DeleteAsync($"{codes}/{codeId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        }

        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/ticket-types/{tier}/holds", new { quantity = 1, code = "existe" }), HttpStatusCode.Conflict);
        var listed = await owner.GetFromJsonAsync<JsonElement>(codes);
        var only = Assert.Single(listed.EnumerateArray());
        Assert.True(only.GetProperty("disabled").GetBoolean());

        // Nothing of the refused requests was written: the event still has its one code, and no hold used it.
        await using var count = api.Database.DataSource.CreateCommand(
            "SELECT count(*)::int + (SELECT count(*)::int FROM holds WHERE promo_code_id = $1) FROM promo_codes WHERE event_id = $2");
        count.Parameters.Add(new Npgsql.NpgsqlParameter { Value = codeId });
        count.Parameters.Add(new Npgsql.NpgsqlParameter { Value = show.Id });
        Assert.Equal(1, await count.ExecuteScalarAsync());
    }
}
