using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Fashionistas.Grains.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Runtime;

/// <summary>
/// The in-process actor runtime, shaped like Orleans: hands out grain references, keeps one activation per
/// key, deactivates idle ones and, on stop, drains every mailbox and flushes every grain.
/// </summary>
/// <remarks>
/// Calls are accepted as soon as the runtime exists; <see cref="StartAsync"/> only starts the idle sweep.
/// Grain calls are not reentrant: a grain awaiting a call to itself (directly or in a cycle) deadlocks.
/// </remarks>
public sealed class GrainRuntime : IGrainFactory, IHostedService, IAsyncDisposable
{
    /// <summary>Name of the runtime's Meter and ActivitySource, for telemetry registration.</summary>
    public const string TelemetryName = "Fashionistas.Grains";

    private readonly Dictionary<Type, GrainRegistration> _registrations;
    private readonly ConcurrentDictionary<Type, GrainType> _grainTypes = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _stopLock = new();
    private ITimer? _idleSweep;
    private Task? _stopping;
    private volatile bool _stopped;

    public GrainRuntime(
        IServiceProvider services,
        IOptions<GrainRuntimeOptions> options,
        IEnumerable<GrainRegistration> registrations,
        TimeProvider time,
        IMeterFactory meterFactory,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        Options = options.Value;
        Time = time;
        Logger = logger;
        _registrations = registrations
            .GroupBy(r => r.Interface)
            .ToDictionary(g => g.Key, g => g.Last());
        Metrics = new GrainRuntimeMetrics(meterFactory, () => _grainTypes.Values);
    }

    internal IServiceProvider Services { get; }

    internal GrainRuntimeOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal GrainRuntimeMetrics Metrics { get; }

    /// <summary>Cancelled only when a graceful stop runs out of time.</summary>
    internal CancellationToken AbortToken => _abort.Token;

    /// <summary>Live activations, all grain types together.</summary>
    public int ActivationCount => _grainTypes.Values.Sum(t => t.Activations.Count);

    public TGrain Get<TGrain>(Guid key) where TGrain : class, IGrainWithGuidKey
    {
        var grainType = GetGrainType(typeof(TGrain));
        if (grainType.References.TryGetValue(key, out var reference))
        {
            return (TGrain)reference;
        }

        return (TGrain)grainType.References.GetOrAdd(
            key, static (k, state) => GrainReference.Create(state.Runtime, state.GrainType, k), (Runtime: this, GrainType: grainType));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail at start, not at the first request, when a registered grain interface is unusable.
        foreach (var grainInterface in _registrations.Keys)
        {
            GetGrainType(grainInterface);
        }

        using (ExecutionContext.SuppressFlow())
        {
            _idleSweep = Time.CreateTimer(
                static state => ((GrainRuntime)state!).SweepIdle(), this, Options.IdleSweepInterval, Options.IdleSweepInterval);
        }

        return Task.CompletedTask;
    }

    /// <summary>Refuses new calls, runs every queued message, flushes and deactivates every activation.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            _stopped = true;
            _stopping ??= StopCoreAsync();
        }

        try
        {
            await _stopping.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Logger.LogWarning("Grain runtime stop ran out of time; cancelling grain flushes");
            await _abort.CancelAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _abort.Dispose();
    }

    internal Task Send(GrainType grainType, Guid key, GrainMethod method, object?[] arguments)
    {
        var call = method.CreateCall(arguments, GrainTracing.CaptureParent());
        Metrics.Called(method);
        Deliver(grainType, key, call);
        return call.Task;
    }

    /// <summary>Puts <paramref name="message"/> in the key's mailbox, activating it if needed.</summary>
    internal void Deliver(GrainType grainType, Guid key, GrainMessage message)
    {
        if (_stopped)
        {
            message.Fail(new GrainUnavailableException($"The grain runtime is shutting down; {grainType.Name}/{key} was not called."));
            return;
        }

        var activation = grainType.Activations.TryGetValue(key, out var existing)
            ? existing
            : GetOrActivate(grainType, key);
        switch (activation.TryEnqueue(message))
        {
            case EnqueueResult.Enqueued:
                return;
            case EnqueueResult.Busy:
                Metrics.Rejected(grainType);
                message.Fail(new GrainBusyException($"{grainType.Name}/{key}", Options.BusyRetryAfter));
                return;
            default:
                _ = DeliverAfterDeactivationAsync(activation, grainType, key, message);
                return;
        }
    }

    private async Task DeliverAfterDeactivationAsync(GrainActivation closing, GrainType grainType, Guid key, GrainMessage message)
    {
        // The closing activation must be gone before a new one loads state it may still be flushing.
        await closing.Deactivated.ConfigureAwait(false);
        Deliver(grainType, key, message);
    }

    private GrainActivation GetOrActivate(GrainType grainType, Guid key)
    {
        while (true)
        {
            // Constructing an activation is cheap and starts nothing, so losing the race costs nothing.
            var created = new GrainActivation(this, grainType, key);
            if (grainType.Activations.TryAdd(key, created))
            {
                created.Start();
                if (_stopped)
                {
                    created.BeginClose();
                }

                return created;
            }

            if (grainType.Activations.TryGetValue(key, out var existing))
            {
                return existing;
            }
        }
    }

    private GrainType GetGrainType(Type grainInterface)
    {
        if (_grainTypes.TryGetValue(grainInterface, out var grainType))
        {
            return grainType;
        }

        if (!_registrations.TryGetValue(grainInterface, out var registration))
        {
            throw new InvalidOperationException(
                $"No grain implementation is registered for {grainInterface.FullName}; call services.AddGrain<{grainInterface.Name}, TImplementation>().");
        }

        return _grainTypes.GetOrAdd(grainInterface, GrainType.Create(registration));
    }

    private void SweepIdle()
    {
        var now = Time.GetTimestamp();
        foreach (var grainType in _grainTypes.Values)
        {
            foreach (var activation in grainType.Activations.Values)
            {
                if (activation.IsIdle(now, Options.IdleTimeout))
                {
                    activation.BeginClose();
                }
            }

            // References are cached per key; drop those of keys not active so the cache stays bounded.
            foreach (var key in grainType.References.Keys)
            {
                if (!grainType.Activations.ContainsKey(key))
                {
                    grainType.References.TryRemove(key, out _);
                }
            }
        }
    }

    private async Task StopCoreAsync()
    {
        if (_idleSweep is not null)
        {
            await _idleSweep.DisposeAsync().ConfigureAwait(false);
        }

        var total = 0;
        while (true)
        {
            // Activations created by calls racing with the stop flag show up in a later round.
            var activations = _grainTypes.Values.SelectMany(t => t.Activations.Values).ToList();
            if (activations.Count == 0)
            {
                break;
            }

            total += activations.Count;
            foreach (var activation in activations)
            {
                activation.BeginClose();
            }

            await Task.WhenAll(activations.Select(a => a.Deactivated)).ConfigureAwait(false);
        }

        Logger.LogInformation("Grain runtime stopped after deactivating {Count} activations", total);
    }
}
