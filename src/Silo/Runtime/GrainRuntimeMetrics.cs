using System.Diagnostics.Metrics;

namespace Fashionistas.Silo.Runtime;

/// <summary>The runtime's instruments on the "Fashionistas.Grains" meter.</summary>
internal sealed class GrainRuntimeMetrics
{
    private const string GrainTag = "grain.type";
    private const string MethodTag = "grain.method";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _rejected;
    private readonly Histogram<int> _batchSize;

    public GrainRuntimeMetrics(IMeterFactory meterFactory, Func<IEnumerable<GrainType>> grainTypes)
    {
        var meter = meterFactory.Create(GrainRuntime.TelemetryName);
        _calls = meter.CreateCounter<long>("fashionistas.grains.calls", "{call}", "Calls made to grains.");
        _rejected = meter.CreateCounter<long>(
            "fashionistas.grains.calls.rejected", "{call}", "Calls rejected because the grain's mailbox was full.");
        _batchSize = meter.CreateHistogram<int>(
            "fashionistas.grains.batch.size", "{message}", "Messages run per batch (one group commit each).");
        meter.CreateObservableGauge(
            "fashionistas.grains.mailbox.depth",
            () => grainTypes().Select(t => new Measurement<long>(
                t.Activations.Values.Sum(a => (long)a.MailboxDepth), new KeyValuePair<string, object?>(GrainTag, t.Name))),
            "{message}",
            "Messages waiting in grain mailboxes.");
        meter.CreateObservableGauge(
            "fashionistas.grains.activations",
            () => grainTypes().Select(t => new Measurement<int>(
                t.Activations.Count, new KeyValuePair<string, object?>(GrainTag, t.Name))),
            "{activation}",
            "Live grain activations.");
    }

    public void Called(GrainMethod method)
    {
        if (_calls.Enabled)
        {
            _calls.Add(
                1,
                new KeyValuePair<string, object?>(GrainTag, method.GrainName),
                new KeyValuePair<string, object?>(MethodTag, method.Name));
        }
    }

    public void Rejected(GrainType grainType) =>
        _rejected.Add(1, new KeyValuePair<string, object?>(GrainTag, grainType.Name));

    public void BatchRan(GrainType grainType, int size)
    {
        if (_batchSize.Enabled)
        {
            _batchSize.Record(size, new KeyValuePair<string, object?>(GrainTag, grainType.Name));
        }
    }
}
