using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Allocations;

/// <summary>The whole server remembering a code that no allocation has for a minute (<c>Allocations:CodeMissCacheTime</c>).</summary>
public sealed class HoldCodeMissApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Allocations:CodeMissCacheTime"] = "00:01:00",
    };
}
