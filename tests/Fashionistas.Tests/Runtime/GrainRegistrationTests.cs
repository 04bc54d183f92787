using Fashionistas.Silo.Runtime;
using Fashionistas.Tests.Runtime.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Runtime;

public sealed class GrainRegistrationTests
{
    [Fact]
    public async Task AGrainInterfaceWithAMethodNotReturningATaskIsRejectedWithAClearError()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddGrainRuntime()
            .AddGrain<IInvalidGrain, InvalidGrain>()
            .BuildServiceProvider();
        var runtime = services.GetRequiredService<GrainRuntime>();

        var error = Assert.Throws<InvalidOperationException>(() => runtime.Get<IInvalidGrain>(Guid.NewGuid()));

        Assert.Contains("IInvalidGrain.Count", error.Message, StringComparison.Ordinal);
        Assert.Contains("must return Task or Task<T>", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnUnregisteredGrainInterfaceIsRejectedWithAClearError()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Get<IInvalidGrain>(Guid.NewGuid()));

        Assert.Contains("AddGrain<IInvalidGrain, TImplementation>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionsThatAreNotPositiveAreRejected()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddGrainRuntime(o =>
            {
                o.MailboxCapacity = 0;
                o.IdleTimeout = TimeSpan.Zero;
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(services.GetRequiredService<GrainRuntime>);

        Assert.Contains("MailboxCapacity", error.Message, StringComparison.Ordinal);
        Assert.Contains("IdleTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionsBindFromConfigurationAndKeepTheirDefaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GrainRuntime:MailboxCapacity"] = "500",
                ["GrainRuntime:BatchWait"] = "00:00:00.002",
            })
            .Build();
        await using var services = new ServiceCollection()
            .AddGrainRuntime(configuration.GetSection(GrainRuntimeOptions.SectionName))
            .BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;

        Assert.Equal(500, options.MailboxCapacity);
        Assert.Equal(TimeSpan.FromMilliseconds(2), options.BatchWait);
        Assert.Equal(256, options.MaxBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BusyRetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(10), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.IdleSweepInterval);
    }
}
