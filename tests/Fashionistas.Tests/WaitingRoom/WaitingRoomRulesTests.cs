using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.WaitingRoom;
using Fashionistas.Web.Auth;
using Fashionistas.Web.WaitingRoom;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.WaitingRoom;

/// <summary>The waiting room's pure parts: settings, the measured rate and admission passes.</summary>
public sealed class WaitingRoomRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, 10, true)]
    [InlineData(600, 10, true)]
    [InlineData(0, 10, false)]
    [InlineData(2_000_000, 10, false)]
    [InlineData(600, 0, false)]
    [InlineData(600, 121, false)]
    public void SettingsNeedAPositiveRateAndASensibleShoppingTime(int? perMinute, int shoppingMinutes, bool allowed) =>
        Assert.Equal(allowed, WaitingRoomRules.Validate(new WaitingRoomSettings(Now, perMinute, TimeSpan.FromMinutes(shoppingMinutes))).Allowed);

    [Fact]
    public void TheMeasuredRateFallsBackToTheConfiguredOneUntilThereIsHistory()
    {
        var meter = new AdmissionMeter(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
        meter.Record(Now, TimeSpan.FromSeconds(1), 20);
        Assert.Equal(600, meter.PerMinute(600));

        for (var s = 1; s <= 9; s++)
        {
            meter.Record(Now.AddSeconds(s), TimeSpan.FromSeconds(1), 20);
        }

        Assert.Equal(1_200, meter.PerMinute(600), 3);
    }

    [Fact]
    public void TheMeasuredRateForgetsTicksOlderThanTheWindow()
    {
        var meter = new AdmissionMeter(TimeSpan.FromSeconds(10), TimeSpan.Zero);
        meter.Record(Now, TimeSpan.FromSeconds(10), 1_000);
        meter.Record(Now.AddSeconds(30), TimeSpan.FromSeconds(10), 10);
        Assert.Equal(60, meter.PerMinute(0), 3);
    }

    [Fact]
    public void APassAdmitsOnlyItsAccountAndEventUntilItExpires()
    {
        var passes = Passes();
        var (eventId, accountId) = (Guid.NewGuid(), Guid.NewGuid());
        var pass = passes.Issue(eventId, accountId, Now.AddMinutes(10));

        Assert.Equal(QueuePassCheck.Valid, passes.Check(pass, eventId, accountId, Now));
        Assert.Equal(QueuePassCheck.NotYours, passes.Check(pass, eventId, Guid.NewGuid(), Now));
        Assert.Equal(QueuePassCheck.NotYours, passes.Check(pass, Guid.NewGuid(), accountId, Now));
        Assert.Equal(QueuePassCheck.Expired, passes.Check(pass, eventId, accountId, Now.AddMinutes(10)));
        Assert.Equal(QueuePassCheck.Forged, passes.Check(pass[..^1] + (pass[^1] == 'A' ? 'B' : 'A'), eventId, accountId, Now));
        Assert.Equal(QueuePassCheck.Forged, Passes().Check(pass, eventId, accountId, Now));
        Assert.Equal(QueuePassCheck.Missing, passes.Check(null, eventId, accountId, Now));
        Assert.Equal(QueuePassCheck.Missing, passes.Check("v1.nonsense", eventId, accountId, Now));
    }

    /// <summary>Passes signed with a fresh key derived from a fresh signing key, as a server's default.</summary>
    private static QueuePasses Passes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fashionistas-pass-" + Guid.NewGuid().ToString("N"));
        var jwt = Options.Create(new JwtOptions { KeyFile = Path.Combine(folder, "key") });
        try
        {
            return new QueuePasses(Options.Create(new QueuePassOptions()), new SigningKey(jwt, NullLogger<SigningKey>.Instance));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
