namespace Fashionistas.Grains.Runtime;

/// <summary>Durable state of one activation, read on activation (Orleans' <c>IPersistentState</c>).</summary>
public interface IPersistentState<TState> where TState : class, new()
{
    TState State { get; set; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
