using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.LoadTests.Scenarios;
using Fashionistas.Tests.Infrastructure;
using Npgsql;
using static Fashionistas.Tests.Codes.CodeTestSteps;

namespace Fashionistas.Tests.Codes;

/// <summary>A promo code on holds across tiers (POST /api/events/{id}/holds): one use per tier it prices, counted exactly under a race.</summary>
public sealed class GroupCodeRaceTests(CodesApiFactory api) : IClassFixture<CodesApiFactory>
{
    private const int Buyers = 1_000;
    private const int MaxUses = 100;

    [Fact]
    public async Task AThousandBuyersHoldingTwoTiersWithAHundredUseCodeGetExactlyAHundredDiscountedGroupsAndNothingElseHeld()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 10, eventCapacity: null, 5_000, 5_000);
        var (vip, general) = (show.TicketTypeIds[0], show.TicketTypeIds[1]);
        var codeId = await CreateCodeAsync(api, organizer, show.Id,
            new { code = "Grupo-Quince", percentOff = 15, maxUses = MaxUses, ticketTypeIds = new[] { vip } });
        var buyers = await DirectBuyers.CreateAsync(
            api.Database.ConnectionString, api.SigningKey, Buyers, Guid.NewGuid().ToString("N"), CancellationToken.None);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
        using var client = new HttpClient(handler) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        var answers = await Task.WhenAll(buyers.Select(async buyer =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{show.Id}/holds")
            {
                Content = JsonContent.Create(new
                {
                    items = new[] { new { ticketTypeId = vip, quantity = 1 }, new { ticketTypeId = general, quantity = 2 } },
                    code = "grupo-quince",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", buyer.Token);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, Total: response.StatusCode == HttpStatusCode.Created ? body.GetProperty("total").GetInt64() : 0,
                Title: body.TryGetProperty("title", out var title) ? title.GetString() : null);
        }));

        Assert.Equal(MaxUses, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Created), a => Assert.Equal(85_000 + 200_000, a.Total));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Equal("The code cannot be used.", a.Title);
        });

        // One use per group (the code covers one of its tiers), and the refused groups left nothing held: the general
        // tier's seats held are exactly the winners' two each, every one of them inside a group.
        Assert.Equal(new CodeRows(Uses: MaxUses, LiveUses: MaxUses, ActiveHolds: MaxUses, SoldHolds: 0), await RowsAsync(api.Database.DataSource, codeId));
        await using var command = api.Database.DataSource.CreateCommand("""
            SELECT (SELECT count(*)::int FROM holds WHERE event_id = $1 AND status = 'active' AND group_id IS NULL),
                   (SELECT coalesce(sum(quantity), 0)::int FROM holds WHERE ticket_type_id = $2 AND status = 'active'),
                   (SELECT held FROM ticket_types WHERE id = $2),
                   (SELECT count(*)::int FROM hold_groups WHERE event_id = $1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = show.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = general });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((0, 2 * MaxUses, 2 * MaxUses, MaxUses), (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
    }

    [Fact]
    public async Task ACodeThatCoversNoneOfTheTiersIsRefusedAndAnUnknownOneIsNotFoundWithNothingHeld()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 10, eventCapacity: null, 50, 50, 50);
        await CreateCodeAsync(api, organizer, show.Id, new { code = "SOLO-TRES", percentOff = 10, ticketTypeIds = new[] { show.TicketTypeIds[2] } });
        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);
        var items = new[] { new { ticketTypeId = show.TicketTypeIds[0], quantity = 1 }, new { ticketTypeId = show.TicketTypeIds[1], quantity = 1 } };

        using var notCovered = await client.PostAsJsonAsync($"/api/events/{show.Id}/holds", new { items, code = "solo-tres" });
        using var unknown = await client.PostAsJsonAsync($"/api/events/{show.Id}/holds", new { items, code = "NO-EXISTE" });

        Assert.Equal(HttpStatusCode.Conflict, notCovered.StatusCode);
        Assert.Equal("application/problem+json", notCovered.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        await using var command = api.Database.DataSource.CreateCommand("SELECT count(*)::int FROM holds WHERE event_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = show.Id });
        Assert.Equal(0, (int)(await command.ExecuteScalarAsync())!);
    }
}
