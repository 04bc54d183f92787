using System.Diagnostics.Metrics;
using Fashionistas.Grains.Contracts;

namespace Fashionistas.Web.Observability;

/// <summary>Meter <c>Fashionistas.Api</c>: hold outcomes (holds/s by outcome) and live-update push latency.</summary>
public sealed class TicketingMetrics : IDisposable
{
    public const string MeterName = "Fashionistas.Api";

    private readonly Meter _meter;
    private readonly Counter<long> _holds;
    private readonly Counter<long> _seatsHeld;
    private readonly Histogram<double> _pushLatency;

    public TicketingMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _holds = _meter.CreateCounter<long>("fashionistas.holds", "{request}", "Hold requests by outcome");
        _seatsHeld = _meter.CreateCounter<long>("fashionistas.seats_held", "{seat}", "Seats held by accepted holds");
        _pushLatency = _meter.CreateHistogram<double>("fashionistas.push.latency", "ms", "Commit to SignalR send, per availability push");
    }

    public void HoldOutcome(HoldResult result)
    {
        var outcome = result switch
        {
            HoldResult.Accepted { Hold.Replayed: true } => "replayed",
            HoldResult.Accepted => "accepted",
            HoldResult.SoldOut => "sold_out",
            HoldResult.OverBuyerLimit => "over_limit",
            HoldResult.NotOnSale => "not_on_sale",
            HoldResult.Invalid => "invalid",
            _ => "not_found",
        };
        HoldOutcome(outcome);
        if (result is HoldResult.Accepted { Hold: { Replayed: false } hold })
        {
            _seatsHeld.Add(hold.Quantity);
        }
    }

    public void HoldOutcome(string outcome) => _holds.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void PushLatency(TimeSpan latency) => _pushLatency.Record(latency.TotalMilliseconds);

    public void Dispose() => _meter.Dispose();
}
