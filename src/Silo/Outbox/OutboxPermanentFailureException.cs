namespace Fashionistas.Silo.Outbox;

/// <summary>The receiving service refused the message for good (e.g. a 4xx): retrying cannot help, so it is parked.</summary>
public sealed class OutboxPermanentFailureException : Exception
{
    public OutboxPermanentFailureException()
    {
    }

    public OutboxPermanentFailureException(string message)
        : base(message)
    {
    }

    public OutboxPermanentFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
