namespace Fashionistas.Silo.Persistence.Inventory;

/// <summary>
/// A batch touched different rows than the grain expected (a row changed behind its back): nothing of the
/// batch was written, and the activation is dropped so the next call reloads the truth.
/// </summary>
public sealed class InventoryCommitException(string message) : Exception(message);
