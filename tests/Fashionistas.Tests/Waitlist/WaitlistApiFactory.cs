using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Waitlist;

/// <summary>The server with waitlists of at most <see cref="MaxEntries"/> people and a short debounce.</summary>
public sealed class WaitlistApiFactory : ApiFactory
{
    public const int MaxEntries = 200;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Waitlist:MaxEntriesPerTicketType"] = MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Waitlist:Debounce"] = "00:00:00.020",
    };
}
