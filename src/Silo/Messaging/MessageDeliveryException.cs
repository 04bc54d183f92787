namespace Fashionistas.Silo.Messaging;

/// <summary>A message was not delivered to the messaging service.</summary>
public sealed class MessageDeliveryException : Exception
{
    public MessageDeliveryException()
    {
    }

    public MessageDeliveryException(string message)
        : base(message)
    {
    }

    public MessageDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageDeliveryException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>
    /// True for outages (network, timeouts, 429, 5xx): retrying later may work. False when the
    /// service refused the message itself (bad number, unknown template, bad token).
    /// </summary>
    public bool IsTransient { get; }
}
