using System.Net;
using System.Text.Json;
using Fashionistas.Tests.Industry;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Allocations;

/// <summary>Comp tickets issued to named people from allocations, and what sponsors see of their guests.</summary>
public sealed class CompTicketTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task IssuedCompTicketsCarryTheirPeoplesNamesAndAreSentToThem()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 50);
        var tier = show.TicketTypeIds[0];
        var allocation = await api.AllocateAsync(organizer, show.Id, tier, 2, kind: "press");
        var registered = await api.CreateUserAsync();
        var newcomer = $"prensa-{Guid.NewGuid():N}@revista.test";

        var issued = await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/allocations/{allocation}/tickets", new
        {
            guests = new[] { new { name = "Lucía Méndez", email = registered.Email }, new { name = "Andrés Restrepo", email = newcomer } },
        });

        var tickets = issued.GetProperty("tickets").EnumerateArray().ToList();
        Assert.Equal(["Lucía Méndez", "Andrés Restrepo"], tickets.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(registered.Id, tickets[0].GetProperty("ownerId").GetGuid());
        Assert.Equal(2, issued.GetProperty("seats").GetProperty("sold").GetInt32());
        Assert.Equal(0, issued.GetProperty("seats").GetProperty("remaining").GetInt32());
        foreach (var ticket in tickets)
        {
            var (name, status, total, owner) = await StoredTicketAsync(ticket.GetProperty("ticketId").GetGuid());
            Assert.Equal(ticket.GetProperty("name").GetString(), name);
            Assert.Equal(("valid", 0L, ticket.GetProperty("ownerId").GetGuid()), (status, total, owner));
        }

        Assert.Equal(newcomer, await api.ScalarAsync<string>("SELECT email FROM users WHERE id = $1", tickets[1].GetProperty("ownerId").GetGuid()));
        Assert.Equal(2L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE kind = 'ticket_confirmation' AND (payload->>'orderId')::uuid = ANY($1)",
            tickets.Select(t => t.GetProperty("orderId").GetGuid()).ToArray()));
        Assert.Equal((2, 0, 2, 2L), await api.AllocationRowAsync(allocation));
        Assert.Equal((0, 2, 0, 50), await api.CountersAsync(tier));

        // Full: a third guest is refused, and no account is made for them.
        var late = $"tarde-{Guid.NewGuid():N}@revista.test";
        await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/allocations/{allocation}/tickets",
            new { guests = new[] { new { name = "Tarde", email = late } } }, HttpStatusCode.Conflict);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = $1", late));
    }

    [Fact]
    public async Task ASponsorIssuesItsGuestsTicketsAndSeesOnlyItsOwnTicketsAndCheckIns()
    {
        var organizer = await api.CreateUserAsync("organizer");
        var show = await api.CreateOnSaleEventAsync(organizer, tierCapacities: 50);
        var tier = show.TicketTypeIds[0];
        var sponsor = await api.SponsorAsync(organizer, $"Café {Guid.NewGuid():N}");
        var rival = await api.SponsorAsync(organizer, $"Ron {Guid.NewGuid():N}");
        foreach (var s in new[] { sponsor, rival })
        {
            await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/events/{show.Id}/sponsors/{s}", new { tier = "gold", contribution = 1_000_000 });
        }

        var member = await MemberAsync(organizer, sponsor);
        var rivalMember = await MemberAsync(organizer, rival);
        var mine = await api.AllocateAsync(organizer, show.Id, tier, 5, kind: "sponsor", sponsorId: sponsor);
        var theirs = await api.AllocateAsync(organizer, show.Id, tier, 5, kind: "sponsor", sponsorId: rival);

        var issued = await api.SendAsync(member.Token, HttpMethod.Post, $"/api/me/sponsor/allocations/{mine}/tickets", new
        {
            guests = new[] { new { name = "Invitada Uno", email = $"uno-{Guid.NewGuid():N}@cafe.test" }, new { name = "Invitado Dos", email = $"dos-{Guid.NewGuid():N}@cafe.test" } },
        });
        await api.SendAsync(rivalMember.Token, HttpMethod.Post, $"/api/me/sponsor/allocations/{mine}/tickets",
            new { guests = new[] { new { name = "Intruso", email = $"x-{Guid.NewGuid():N}@ron.test" } } }, HttpStatusCode.NotFound);
        var firstTicket = issued.GetProperty("tickets")[0].GetProperty("ticketId").GetGuid();
        var code = await api.ScalarAsync<string>("SELECT code FROM tickets WHERE id = $1", firstTicket);
        await api.SendAsync(organizer.Token, HttpMethod.Post, $"/api/events/{show.Id}/check-ins", new { code });

        var figures = Assert.Single((await api.GetAsync("/api/me/sponsor/figures", member.Token)).GetProperty("events").EnumerateArray());
        Assert.Equal((5, 2, 1), Figures(figures));
        var rivalFigures = Assert.Single((await api.GetAsync("/api/me/sponsor/figures", rivalMember.Token)).GetProperty("events").EnumerateArray());
        Assert.Equal((5, 0, 0), Figures(rivalFigures));
        var ownAllocations = (await api.GetAsync("/api/me/sponsor/allocations", member.Token)).EnumerateArray().ToList();
        Assert.Equal(mine, Assert.Single(ownAllocations).GetProperty("id").GetGuid());
        Assert.DoesNotContain((await api.GetAsync("/api/me/sponsor/allocations", rivalMember.Token)).EnumerateArray(),
            a => a.GetProperty("id").GetGuid() == mine);
        Assert.Equal(theirs, Assert.Single((await api.GetAsync("/api/me/sponsor/allocations", rivalMember.Token)).EnumerateArray()).GetProperty("id").GetGuid());
    }

    private static (int, int, int) Figures(JsonElement e) =>
        (e.GetProperty("allocatedSeats").GetInt32(), e.GetProperty("ticketsUsed").GetInt32(), e.GetProperty("checkIns").GetInt32());

    private async Task<TestUser> MemberAsync(TestUser organizer, Guid sponsor)
    {
        var member = await api.CreateUserAsync("sponsor");
        await api.SendAsync(organizer.Token, HttpMethod.Put, $"/api/sponsors/{sponsor}/members/{member.Id}", expected: HttpStatusCode.NoContent);
        return member;
    }

    private async Task<(string Name, string Status, long Total, Guid Owner)> StoredTicketAsync(Guid ticketId)
    {
        await using var command = api.Database.DataSource.CreateCommand("""
            SELECT c.attendee_name, t.status, o.total, t.owner_id
            FROM tickets t JOIN comp_tickets c ON c.ticket_id = t.id JOIN orders o ON o.id = t.order_id AND o.status = 'paid'
            WHERE t.id = $1
            """);
        command.Parameters.AddWithValue(ticketId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetGuid(3));
    }
}
