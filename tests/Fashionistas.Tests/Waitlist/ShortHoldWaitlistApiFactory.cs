using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Waitlist;

/// <summary>The server with holds that expire after <see cref="HoldDuration"/> and waitlists overbooked 100 %.</summary>
public sealed class ShortHoldWaitlistApiFactory : ApiFactory
{
    public static readonly TimeSpan HoldDuration = TimeSpan.FromSeconds(3);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Inventory:HoldDuration"] = HoldDuration.ToString("c"),
        ["Inventory:ExpirySweepInterval"] = "00:00:00.200",
        ["Waitlist:OverbookingPercent"] = "100",
        ["Waitlist:Debounce"] = "00:00:00.020",
    };
}
