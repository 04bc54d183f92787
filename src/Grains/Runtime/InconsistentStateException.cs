namespace Fashionistas.Grains.Runtime;

/// <summary>
/// A state write lost an optimistic concurrency check: someone else wrote the record since it was read.
/// The activation's copy is stale; it should be dropped and reloaded (Orleans' name for the same failure).
/// </summary>
public sealed class InconsistentStateException(string message) : Exception(message);
