namespace Fashionistas.Grains.Storage;

/// <summary>One account's place as stored: no position yet for an arrival before the opening.</summary>
public sealed record StoredQueueEntry(Guid AccountId, DateTimeOffset ArrivedAt, int? Position, DateTimeOffset? AdmittedAt);
