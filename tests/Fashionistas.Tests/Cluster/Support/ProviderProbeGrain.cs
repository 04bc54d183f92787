namespace Fashionistas.Tests.Cluster.Support;

public sealed class ProviderProbeGrain([PersistentState("probe")] IPersistentState<ProbeState> state)
    : Grain, IProviderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public async Task SaveAsync(string note)
    {
        state.State = state.State with { Note = note };
        await state.WriteStateAsync();
    }

    public Task<ProbeState> ReadAsync() => Task.FromResult(state.State);

    public async Task RemindSoonAsync(TimeSpan dueTime) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, TimeSpan.FromMinutes(1));

    public Task DeactivateAsync()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State = state.State with { RemindersReceived = state.State.RemindersReceived + 1 };
        await state.WriteStateAsync();
    }
}
