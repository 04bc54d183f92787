namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Delivers outbox rows of some <see cref="Kinds"/> (one handler per kind; the one <see cref="OutboxDispatcher"/>
/// picks it). Returning marks the row processed; throwing <see cref="OutboxPermanentFailureException"/> (or
/// <see cref="InvalidOperationException"/>) parks it; any other exception retries it with backoff.
/// </summary>
public interface IOutboxHandler
{
    IReadOnlyCollection<string> Kinds { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
