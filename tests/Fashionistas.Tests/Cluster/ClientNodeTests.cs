using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fashionistas.Tests.Cluster.Support;

namespace Fashionistas.Tests.Cluster;

/// <summary>A silo-less web node (<c>Orleans:Role=client</c>) serves the API with grains running in a separate silo host.</summary>
public sealed class ClientNodeTests(ClientNodeApiFactory api) : IClassFixture<ClientNodeApiFactory>
{
    [Fact]
    public async Task AHoldThroughAClientOnlyWebNodeIsDecidedByTheSiloHostAndStored()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var sale = await api.CreateOnSaleEventAsync(organizer, 4, null, 10);
        var buyer = await api.CreateUserAsync();
        using var client = api.Client(buyer.Token);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));

        using var hold = await client.PostAsJsonAsync($"/api/ticket-types/{sale.TicketTypeIds[0]}/holds", new { quantity = 2 });

        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        await using var held = api.Database.DataSource.CreateCommand("SELECT held FROM ticket_types WHERE id = $1");
        held.Parameters.AddWithValue(sale.TicketTypeIds[0]);
        Assert.Equal(2, await held.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheClientNodeReportsTheSiloHostAsTheClustersOnlySilo()
    {
        using var client = api.Client();

        using var ready = await client.GetAsync("/health/ready");

        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var data = body.RootElement.GetProperty("checks").GetProperty("cluster").GetProperty("data");
        Assert.Equal(1, data.GetProperty("activeSilos").GetInt32());
    }
}
