using Fashionistas.Grains.Runtime;
using Fashionistas.Silo.Runtime;
using Fashionistas.Tests.Infrastructure;
using Fashionistas.Tests.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Runtime;

/// <summary>A grain runtime with the test grains, a manual clock and a probe, built from DI like the real host.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    /// <summary>How long a test waits for something that should happen; only a guard against hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    private TestSilo(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<GrainRuntime>();
        Time = (ManualTimeProvider)services.GetRequiredService<TimeProvider>();
        Probe = services.GetRequiredService<TestProbe>();
    }

    public GrainRuntime Runtime { get; }

    public ManualTimeProvider Time { get; }

    public TestProbe Probe { get; }

    public IServiceProvider Services => _services;

    public static async Task<TestSilo> StartAsync(
        Action<GrainRuntimeOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        services.AddSingleton<TestProbe>();
        services.AddGrainRuntime(configure);
        services.AddGrain<ICounterGrain, CounterGrain>();
        services.AddGrain<IGateGrain, GateGrain>();
        services.AddGrain<IBatchGrain, BatchGrain>();
        services.AddGrain<IPipelineGrain, PipelineGrain>();
        services.AddGrain<ITimerGrain, TimerGrain>();
        services.AddGrain<IFlakyGrain, FlakyGrain>();
        configureServices?.Invoke(services);
        var silo = new TestSilo(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        await silo.Runtime.StartAsync(CancellationToken.None);
        return silo;
    }

    public TGrain Get<TGrain>(Guid key) where TGrain : class, IGrainWithGuidKey =>
        Runtime.Get<TGrain>(key);

    public ValueTask DisposeAsync()
    {
        // A test that failed half-way may leave grains waiting on a gate; stopping would wait for them forever.
        Probe.OpenGate();
        Probe.ReleaseFlushes();
        Probe.ReleaseCommits();
        Probe.ReleaseDeactivations();
        return _services.DisposeAsync();
    }
}
