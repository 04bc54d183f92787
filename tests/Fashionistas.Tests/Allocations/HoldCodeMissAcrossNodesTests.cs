using System.Net;
using Fashionistas.Silo.Allocations;
using Fashionistas.Tests.Cluster.Support;
using Microsoft.Extensions.DependencyInjection;
using static Fashionistas.Tests.Codes.CodeTestSteps;

namespace Fashionistas.Tests.Allocations;

/// <summary>
/// Two nodes of one cluster on one database: a web node (client role) and the silo host, each with its own code
/// resolver. An allocation the silo host creates with a code the web node remembered as nobody's is honoured by the
/// web node once <c>Allocations:CodeMissCacheTime</c> (default 1 s) has passed, without anything telling it.
/// </summary>
public sealed class HoldCodeMissAcrossNodesTests(ClientNodeApiFactory api) : IClassFixture<ClientNodeApiFactory>
{
    private static readonly TimeSpan Bound = new AllocationOptions().CodeMissCacheTime;

    [Fact]
    public async Task AnAllocationCreatedOnAnotherNodeIsHonouredWithinTheMissCacheTime()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, perBuyerLimit: 10, tierCapacities: 100);
        var tier = show.TicketTypeIds[0];
        var buyer = await api.CreateUserAsync();
        var before = await HoldAsync(api, buyer, tier, 1, "OTRO-NODO");

        var otherNode = api.Silo!.Services.GetRequiredService<AllocationService>();
        var created = await otherNode.CreateAsync(show.Id, new AllocationFields(tier, AllocationKinds.Press, "Cupo del otro nodo", 4, null, "otro-nodo", null),
            organizer.Id, CancellationToken.None);
        var allocation = Assert.IsType<AllocationOutcome.Done>(created).Allocation.Id;
        await Task.Delay(Bound + TimeSpan.FromMilliseconds(100));
        var after = await HoldAsync(api, buyer, tier, 3, "OTRO-NODO");

        Assert.Equal(HttpStatusCode.NotFound, before.Status);
        Assert.Equal(HttpStatusCode.Created, after.Status);
        var row = await api.AllocationRowAsync(allocation);
        Assert.Equal((4, 3, 3L), (row.Quantity, row.Held, row.SeatsInHolds));
        Assert.Equal(0L, await api.PublicSeatsAsync(tier));
    }
}
