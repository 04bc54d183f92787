using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fashionistas.Grains.Contracts;
using Fashionistas.LoadTests.Scenarios;
using Fashionistas.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using static Fashionistas.Tests.Codes.CodeTestSteps;

namespace Fashionistas.Tests.Codes;

/// <summary>A code's uses under a real race over HTTP, checked against the database, and given back when holds expire.</summary>
public sealed class CodeRaceTests(CodesApiFactory api) : IClassFixture<CodesApiFactory>
{
    private const int Buyers = 5_000;
    private const int MaxUses = 100;

    /// <summary>Inventory:HoldDuration's default.</summary>
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task FiveThousandBuyersRacingForAHundredUseCodeUseItExactlyAHundredTimesAndExpiryGivesTheUsesBack()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10_000);
        var tier = show.TicketTypeIds[0];
        var codeId = await CreateCodeAsync(api, organizer, show.Id, new { code = "Cien-Primeros", percentOff = 10, maxUses = MaxUses });
        var buyers = await DirectBuyers.CreateAsync(
            api.Database.ConnectionString, api.SigningKey, Buyers, Guid.NewGuid().ToString("N"), CancellationToken.None);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512 };
        using var client = new HttpClient(handler) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        var answers = await Task.WhenAll(buyers.Select(async buyer =>
        {
            // Any case: codes are compared case-insensitively.
            var typed = buyer.Index % 2 == 0 ? "cien-primeros" : "CIEN-PRIMEROS";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ticket-types/{tier}/holds")
            {
                Content = JsonContent.Create(new { quantity = 1, code = typed }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", buyer.Token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }));

        Assert.Equal(MaxUses, answers.Count(a => a == HttpStatusCode.Created));
        Assert.Equal(Buyers - MaxUses, answers.Count(a => a == HttpStatusCode.Conflict));
        Assert.Equal(new CodeRows(Uses: MaxUses, LiveUses: MaxUses, ActiveHolds: MaxUses, SoldHolds: 0), await RowsAsync(api.Database.DataSource, codeId));

        api.GrainTime.Advance(HoldDuration + TimeSpan.FromMinutes(2));

        Assert.True(await Eventually.TrueAsync(
            async () => await RowsAsync(api.Database.DataSource, codeId) == new CodeRows(0, 0, 0, 0), TimeSpan.FromSeconds(60)),
            $"uses still counted after every hold expired: {await RowsAsync(api.Database.DataSource, codeId)}");
        var late = await api.CreateUserAsync();
        Assert.Equal(HttpStatusCode.Created, (await HoldAsync(api, late, tier, 1, "cien-primeros")).Status);
        Assert.Equal(new CodeRows(1, 1, 1, 0), await RowsAsync(api.Database.DataSource, codeId));
    }

    [Fact]
    public async Task AReleasedHoldGivesItsUseBackAndASoldOneKeepsIt()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var tier = show.TicketTypeIds[0];
        var codeId = await CreateCodeAsync(api, organizer, show.Id, new { code = "UNO-SOLO", amountOff = 5_000, maxUses = 1 });
        var first = await api.CreateUserAsync();
        var second = await api.CreateUserAsync();

        var held = await HoldAsync(api, first, tier, 2, "uno-solo");
        Assert.Equal(HttpStatusCode.Created, held.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await HoldAsync(api, second, tier, 1, "UNO-SOLO")).Status);
        using (var owner = api.Client(first.Token))
        using (var released = await owner.DeleteAsync($"/api/holds/{held.Body.GetProperty("holdId").GetGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        }

        Assert.True(await Eventually.TrueAsync(
            async () => (await RowsAsync(api.Database.DataSource, codeId)).Uses == 0, TimeSpan.FromSeconds(30)));
        var sold = await HoldAsync(api, second, tier, 1, "UNO-SOLO");
        Assert.Equal(HttpStatusCode.Created, sold.Status);
        using (var buyer = api.Client(second.Token))
        using (var checkout = await buyer.PostAsync($"/api/holds/{sold.Body.GetProperty("holdId").GetGuid()}/checkout", null))
        {
            Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        }

        api.GrainTime.Advance(HoldDuration + TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(3)); // sweeps run on their own timers; the sold use must survive them
        Assert.Equal(new CodeRows(1, 1, 0, 1), await RowsAsync(api.Database.DataSource, codeId));
        Assert.Equal(HttpStatusCode.Conflict, (await HoldAsync(api, first, tier, 1, "uno-solo")).Status);
    }

    [Fact]
    public async Task AUseWhoseHoldNeverCameIsGivenBackAfterItsHoldWouldHaveEnded()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 10);
        var codeId = await CreateCodeAsync(api, organizer, show.Id, new { code = "HUERFANO", percentOff = 10, maxUses = 1 });
        var buyer = await api.CreateUserAsync();

        // As if the process died between counting the use and placing the hold: a use with no hold behind it.
        var code = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IPromoCodeGrain>(codeId);
        Assert.IsType<CodeUseResult.Granted>(await code.Use(new CodeUseRequest(buyer.Id)));
        Assert.Equal(new CodeRows(1, 1, 0, 0), await RowsAsync(api.Database.DataSource, codeId));
        Assert.Equal(HttpStatusCode.Conflict, (await HoldAsync(api, buyer, show.TicketTypeIds[0], 1, "huerfano")).Status);

        api.GrainTime.Advance(HoldDuration + TimeSpan.FromMinutes(2));

        Assert.True(await Eventually.TrueAsync(
            async () => await RowsAsync(api.Database.DataSource, codeId) == new CodeRows(0, 0, 0, 0), TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.Created, (await HoldAsync(api, buyer, show.TicketTypeIds[0], 1, "huerfano")).Status);
    }
}
