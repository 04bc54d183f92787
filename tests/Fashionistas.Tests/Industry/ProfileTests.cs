using System.Net;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Industry;

/// <summary>Designer and model profiles: each writes only their own, everyone reads them.</summary>
public sealed class ProfileTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task ADesignerCreatesReadsUpdatesAndDeletesTheirOwnProfile()
    {
        var designer = await api.CreateUserAsync("designer");
        await api.GetAsync("/api/me/designer", designer.Token, HttpStatusCode.NotFound);

        var created = await api.SendAsync(designer.Token, HttpMethod.Put, "/api/me/designer", new
        {
            brandName = "  Johanna Ortiz Taller ",
            bio = "Volantes y color del Pacífico",
            city = "Cali",
            instagram = "@johanna.taller",
            website = "https://taller.example.co",
        });
        Assert.Equal(designer.Id, created.GetProperty("userId").GetGuid());
        Assert.Equal("Johanna Ortiz Taller", created.GetProperty("brandName").GetString());
        Assert.Equal("johanna.taller", created.GetProperty("instagram").GetString());

        await api.SendAsync(designer.Token, HttpMethod.Put, "/api/me/designer", new { brandName = "Taller JO", city = "Cali" });
        var mine = await api.GetAsync("/api/me/designer", designer.Token);
        Assert.Equal("Taller JO", mine.GetProperty("profile").GetProperty("brandName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, mine.GetProperty("profile").GetProperty("website").ValueKind);

        await api.SendAsync(designer.Token, HttpMethod.Delete, "/api/me/designer", expected: HttpStatusCode.NoContent);
        await api.GetAsync($"/api/designers/{designer.Id}", expected: HttpStatusCode.NotFound);
        await api.SendAsync(designer.Token, HttpMethod.Delete, "/api/me/designer", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnyoneReadsDesignerProfilesWithTheirCollections()
    {
        var designer = await api.DesignerAsync("Pájaro Azul");
        var collection = await api.CollectionAsync(designer, "Manglar");

        var profile = await api.GetAsync($"/api/designers/{designer.Id}");
        Assert.Equal("Pájaro Azul", profile.GetProperty("profile").GetProperty("brandName").GetString());
        Assert.Equal(collection, profile.GetProperty("collections")[0].GetProperty("id").GetGuid());

        var list = await api.GetAsync("/api/designers?pageSize=100");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("userId").GetGuid() == designer.Id);
    }

    [Fact]
    public async Task AModelKeepsTheirMeasurementsAndAvailability()
    {
        var model = await api.CreateUserAsync("model");
        await api.SendAsync(model.Token, HttpMethod.Put, "/api/me/model", new
        {
            displayName = "Lucía Mena",
            city = "Barranquilla",
            heightCm = 180,
            bustCm = 84,
            waistCm = 61,
            hipsCm = 90,
            availability = "Fines de semana; no viaja en marzo",
        });

        var profile = await api.GetAsync($"/api/models/{model.Id}");
        Assert.Equal(180, profile.GetProperty("heightCm").GetInt32());
        Assert.Equal(61, profile.GetProperty("waistCm").GetInt32());
        Assert.Equal("Fines de semana; no viaja en marzo", profile.GetProperty("availability").GetString());
        Assert.Contains((await api.GetAsync("/api/models?pageSize=100")).GetProperty("items").EnumerateArray(),
            m => m.GetProperty("userId").GetGuid() == model.Id);

        await api.SendAsync(model.Token, HttpMethod.Delete, "/api/me/model", expected: HttpStatusCode.NoContent);
        await api.GetAsync($"/api/models/{model.Id}", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnlyTheOwningDesignerOrAnAdminChangesACollection()
    {
        var owner = await api.DesignerAsync("Dueña");
        var rival = await api.DesignerAsync("Rival");
        var collection = await api.CollectionAsync(owner);
        var edit = new { name = "Robada", pieces = 1 };

        await api.SendAsync(rival.Token, HttpMethod.Put, $"/api/collections/{collection}", edit, HttpStatusCode.Forbidden);
        await api.SendAsync(rival.Token, HttpMethod.Delete, $"/api/collections/{collection}", expected: HttpStatusCode.Forbidden);
        Assert.Equal("Selva Urbana", (await api.GetAsync($"/api/collections/{collection}")).GetProperty("collection").GetProperty("name").GetString());

        var renamed = await api.SendAsync(await api.AdminTokenAsync(), HttpMethod.Put, $"/api/collections/{collection}", new { name = "Moderada", pieces = 3 });
        Assert.Equal("Moderada", renamed.GetProperty("name").GetString());
        Assert.Equal(3, renamed.GetProperty("pieces").GetInt32());

        await api.SendAsync(owner.Token, HttpMethod.Delete, $"/api/collections/{collection}", expected: HttpStatusCode.NoContent);
        await api.GetAsync($"/api/collections/{collection}", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACollectionNeedsADesignerProfileFirst()
    {
        var designer = await api.CreateUserAsync("designer");

        await api.SendAsync(designer.Token, HttpMethod.Post, "/api/collections", new { name = "Sin perfil" }, HttpStatusCode.Conflict);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM collections WHERE designer_id = $1", designer.Id));
    }
}
