namespace Fashionistas.LoadTests.Client;

/// <summary>A hot-path request got no answer: <see cref="Failure"/> says why in the words a report counts ("timeout", ...).</summary>
public sealed class RawHttpException(string failure, Exception? inner = null) : Exception(failure, inner)
{
    public string Failure => Message;
}
