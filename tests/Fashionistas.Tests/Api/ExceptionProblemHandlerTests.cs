using System.Text.Json;
using Fashionistas.Grains.Contracts;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fashionistas.Tests.Api;

public sealed class ExceptionProblemHandlerTests
{
    [Theory]
    [InlineData("23503", 409)]
    [InlineData("23505", 409)]
    [InlineData("42P01", 500)]
    public async Task DatabaseErrorsMapToTheRightStatus(string sqlState, int expected)
    {
        var (status, body) = await HandleAsync(new PostgresException("boom", "ERROR", "ERROR", sqlState));

        Assert.Equal(expected, status);
        Assert.DoesNotContain("boom", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABusyGrainIs503WithRetryAfter()
    {
        var context = NewContext();
        var handler = context.RequestServices.GetRequiredService<IExceptionHandler>();

        await handler.TryHandleAsync(context, new GrainBusyException("TicketType/1", TimeSpan.FromSeconds(3)), CancellationToken.None);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("3", context.Response.Headers.RetryAfter.ToString());
    }

    private static async Task<(int Status, string Body)> HandleAsync(Exception exception)
    {
        var context = NewContext();
        var handler = context.RequestServices.GetRequiredService<IExceptionHandler>();
        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        return (context.Response.StatusCode, body);
    }

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails();
        services.AddExceptionHandler<ExceptionProblemHandler>();
        return new DefaultHttpContext
        {
            RequestServices = services.BuildServiceProvider(),
            Response = { Body = new MemoryStream() },
        };
    }
}
