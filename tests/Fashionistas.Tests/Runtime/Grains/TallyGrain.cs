using Fashionistas.Grains.Runtime;

namespace Fashionistas.Tests.Runtime.Grains;

/// <summary>Keeps its tally in <see cref="IPersistentState{TState}"/>; the key comes from the grain context.</summary>
public sealed class TallyGrain(IPersistentState<TallyState> tally, TestProbe probe) : Grain, ITallyGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        probe.Deactivated();
        return Task.CompletedTask;
    }

    public async Task<int> Add(int amount, string note)
    {
        tally.State = tally.State with { Count = tally.State.Count + amount, LastNote = note };
        await tally.WriteStateAsync();
        return tally.State.Count;
    }

    public Task<TallyState> Get() => Task.FromResult(tally.State);

    public Task<bool> Exists() => Task.FromResult(tally.RecordExists);

    public Task Clear() => tally.ClearStateAsync();
}
