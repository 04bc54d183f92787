namespace Fashionistas.Silo.Outbox;

/// <summary>A claimed outbox row: <see cref="Attempts"/> counts this attempt.</summary>
public sealed record OutboxMessage(long Id, string Kind, Guid OrderId, int Attempts);
