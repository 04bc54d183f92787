using Orleans;
using Orleans.Concurrency;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// The waiting room in front of one event's sale (key = event id): one place per account, arrivals before the opening
/// shuffled into a random order at the opening, later arrivals at the end, admitted in queue order at the configured
/// (or measured) rate. Places are durable before they are answered and never move back.
/// </summary>
[Alias("Fashionistas.IWaitingRoomGrain")]
public interface IWaitingRoomGrain : IGrainWithGuidKey
{
    /// <summary>Switches the room on or changes its settings (checked with <c>WaitingRoomRules</c> by the caller).</summary>
    Task<WaitingRoomView> Configure(WaitingRoomSettings settings);

    /// <summary>Switches the room off: holds no longer need a pass. The queue stays stored.</summary>
    Task<WaitingRoomView> Disable();

    /// <summary>Stops (or resumes) admitting; places and joins go on.</summary>
    Task<WaitingRoomView> SetPaused(bool paused);

    /// <summary>The room's counters as of now (answered from memory).</summary>
    Task<WaitingRoomView> GetView();

    /// <summary>Takes a place for the account, or answers the place it already has (another tab, a retry).</summary>
    Task<QueuePlace> Join(Guid accountId);

    /// <summary>The account's place, without taking one.</summary>
    Task<QueuePlace> GetPlace(Guid accountId);

    /// <summary>An admitted account's purchase step succeeded (a hold): the automatic rate admits the next one.</summary>
    [OneWay]
    Task Served(Guid accountId);
}
