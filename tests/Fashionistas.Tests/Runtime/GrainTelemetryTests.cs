using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Fashionistas.Grains.Runtime;
using Fashionistas.Silo.Runtime;
using Fashionistas.Tests.Runtime.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Fashionistas.Tests.Runtime;

public sealed class GrainTelemetryTests
{
    [Fact]
    public async Task EachCallIsASpanUnderTheCallersActivity()
    {
        await using var silo = await TestSilo.StartAsync();
        using var callerSource = new ActivitySource("Fashionistas.Tests.Caller");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is GrainRuntime.TelemetryName or "Fashionistas.Tests.Caller",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var key = Guid.NewGuid();

        using (var caller = callerSource.StartActivity("caller"))
        {
            await silo.Get<ICounterGrain>(key).Increment();
            var span = Assert.Single(stopped, a => a.TraceId == caller!.TraceId && a.Source.Name == GrainRuntime.TelemetryName);
            Assert.Equal("grain ICounterGrain.Increment", span.DisplayName);
            Assert.Equal(caller!.SpanId, span.ParentSpanId);
            Assert.Equal(key, span.GetTagItem("grain.key"));
        }
    }

    [Fact]
    public async Task CallsRejectionsBatchesAndActivationsAreMeasured()
    {
        await using var silo = await TestSilo.StartAsync(o => o.MailboxCapacity = 1);
        var meterFactory = silo.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Other tests run runtimes at the same time: listen to this silo's meter only.
                if (instrument.Meter.Name == GrainRuntime.TelemetryName && instrument.Meter.Scope == meterFactory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => measured.AddOrUpdate(i.Name, value, (_, v) => v + value));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => measured.AddOrUpdate(i.Name, value, (_, v) => v + value));
        listener.Start();
        var grain = silo.Get<IGateGrain>(Guid.NewGuid());

        var running = grain.Pass();
        await silo.Probe.WaitForArrivalsAsync(1);
        var queued = grain.Passed();
        await Assert.ThrowsAsync<GrainBusyException>(grain.Passed);
        silo.Probe.OpenGate();
        await Task.WhenAll(running, queued).WaitAsync(TestSilo.Patience);
        listener.RecordObservableInstruments();

        Assert.Equal(3, measured["fashionistas.grains.calls"]);
        Assert.Equal(1, measured["fashionistas.grains.calls.rejected"]);
        Assert.Equal(2, measured["fashionistas.grains.batch.size"]);
        Assert.Equal(1, measured["fashionistas.grains.activations"]);
        Assert.Equal(0, measured["fashionistas.grains.mailbox.depth"]);
    }
}
