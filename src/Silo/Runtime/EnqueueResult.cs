namespace Fashionistas.Silo.Runtime;

/// <summary>What happened to a message offered to an activation's mailbox.</summary>
internal enum EnqueueResult
{
    Enqueued,

    /// <summary>The mailbox is full: the caller is told to come back later.</summary>
    Busy,

    /// <summary>The activation is deactivating: the message goes to the next activation of the key.</summary>
    Closed,
}
