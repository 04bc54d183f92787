namespace Fashionistas.LoadTests.Live;

/// <summary>The hub refused the handshake or an invocation, or the connection ended.</summary>
public sealed class HubException(string message, Exception? inner = null) : Exception(message, inner);
