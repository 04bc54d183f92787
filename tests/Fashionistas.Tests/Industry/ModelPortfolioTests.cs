using System.Net;

namespace Fashionistas.Tests.Industry;

/// <summary>A model's portfolio photos through the local media store.</summary>
public sealed class ModelPortfolioTests(IndustryApiFactory api) : IClassFixture<IndustryApiFactory>
{
    [Fact]
    public async Task AModelUploadsPortfolioPhotosThatAnyoneSeesAndOnlyTheyRemove()
    {
        var model = await api.ModelAsync("Laura Mesa");
        var other = await api.ModelAsync("Otra");

        var upload = await api.UploadAsync(model.Token, "/api/me/model/photos", IndustryCalls.Png(500), "image/png", "Book 2026");
        Assert.Equal(HttpStatusCode.Created, upload.Status);
        var photo = upload.Body.GetProperty("id").GetGuid();

        var listed = Assert.Single((await api.GetAsync($"/api/models/{model.Id}/photos")).EnumerateArray());
        Assert.Equal("Book 2026", listed.GetProperty("caption").GetString());
        await api.SendAsync(other.Token, HttpMethod.Delete, $"/api/me/model/photos/{photo}", expected: HttpStatusCode.NotFound);
        await api.SendAsync(model.Token, HttpMethod.Delete, $"/api/me/model/photos/{photo}", expected: HttpStatusCode.NoContent);
        Assert.Empty((await api.GetAsync($"/api/models/{model.Id}/photos")).EnumerateArray());
    }

    [Theory]
    [InlineData("image/svg+xml", 100)]
    [InlineData("text/plain", 100)]
    [InlineData("image/jpeg", IndustryApiFactory.MaxUploadBytes + 1)]
    public async Task APortfolioPhotoOfTheWrongTypeOrSizeIsRefusedWithAProblem(string contentType, long length)
    {
        var model = await api.ModelAsync();

        var answer = await api.UploadAsync(model.Token, "/api/me/model/photos", new byte[length], contentType);

        Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, answer.Status.ToString());
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM model_photos WHERE model_id = $1", model.Id));
    }

    [Fact]
    public async Task AModelWithoutAProfileIsToldToCreateItFirst()
    {
        var model = await api.CreateUserAsync("model");

        var answer = await api.UploadAsync(model.Token, "/api/me/model/photos", IndustryCalls.Png(100), "image/png");

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }
}
