namespace Fashionistas.Silo.Media;

/// <summary>The media service did not store (or remove) the file.</summary>
public sealed class MediaStoreException : Exception
{
    public MediaStoreException()
    {
    }

    public MediaStoreException(string message)
        : base(message)
    {
    }

    public MediaStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MediaStoreException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True for outages (network, 429, 5xx): the user may simply try again.</summary>
    public bool IsTransient { get; }
}
