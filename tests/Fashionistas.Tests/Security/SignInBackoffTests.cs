using Fashionistas.Tests.Infrastructure;
using Fashionistas.Web.Auth;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Security;

/// <summary>The per-account wait doubles with every further attempt, up to its maximum, and a success starts over.</summary>
public sealed class SignInBackoffTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly SignInThrottle _throttle;

    public SignInBackoffTests() => _throttle = new SignInThrottle(Options.Create(new SignInThrottleOptions
    {
        FreeAttempts = 2,
        FirstDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(5),
    }), _clock);

    [Fact]
    public void EachAttemptPastTheFreeOnesWaitsTwiceAsLongUpToTheMaximum()
    {
        var waits = new List<TimeSpan>();
        Assert.Null(_throttle.TryBegin("ana@example.com"));
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(_throttle.TryBegin("ana@example.com"));
            waits.Add(_throttle.TryBegin("ana@example.com")!.Value);
            _clock.Advance(waits[^1]);
        }

        Assert.Equal([1, 2, 4, 5, 5], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public void ASuccessStartsOverAndOtherAccountsNeverWait()
    {
        _throttle.TryBegin("ana@example.com");
        _throttle.TryBegin("ana@example.com");
        Assert.NotNull(_throttle.TryBegin("ANA@example.com"));
        Assert.Null(_throttle.TryBegin("luz@example.com"));

        _throttle.Succeeded("ana@example.com");

        Assert.Null(_throttle.TryBegin("ana@example.com"));
    }
}
