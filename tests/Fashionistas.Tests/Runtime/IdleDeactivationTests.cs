using Fashionistas.Tests.Runtime.Grains;

namespace Fashionistas.Tests.Runtime;

public sealed class IdleDeactivationTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task AnActivationIdleForIdleTimeoutIsDeactivated()
    {
        await using var silo = await TestSilo.StartAsync(o =>
        {
            o.IdleTimeout = IdleTimeout;
            o.IdleSweepInterval = TimeSpan.FromSeconds(30);
        });
        var counter = silo.Get<ICounterGrain>(Guid.NewGuid());
        await counter.Increment();
        var first = await counter.InstanceId();

        // Sweeps run during Advance and close idle mailboxes synchronously, so a premature
        // deactivation would send this call to a new activation.
        silo.Time.Advance(IdleTimeout - TimeSpan.FromMinutes(1));
        Assert.Equal(first, await counter.InstanceId());

        silo.Time.Advance(IdleTimeout + TimeSpan.FromSeconds(30));
        await silo.Probe.WaitForDeactivationAsync();

        Assert.NotEqual(first, await counter.InstanceId());
        Assert.Equal(0, await counter.Get());
        Assert.Equal(2, silo.Probe.Activations);
    }

    [Fact]
    public async Task DeactivateOnIdleEndsTheActivationAfterTheCurrentBatch()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>(Guid.NewGuid());
        var first = await counter.InstanceId();

        await counter.Leave();
        await silo.Probe.WaitForDeactivationAsync();

        Assert.NotEqual(first, await counter.InstanceId());
        Assert.Equal(1, silo.Probe.Deactivations);
    }
}
