namespace Fashionistas.LoadTests.Live;

/// <summary>The hub refused the handshake or an invocation (its LiveHubException message), or the connection ended.</summary>
public sealed class LiveHubException(string message, Exception? inner = null) : Exception(message, inner);
