namespace Fashionistas.Tests.Live;

/// <summary>The hub answered an invocation with an error (a HubException's message, or SignalR's generic one).</summary>
public sealed class HubInvocationException(string message) : Exception(message);
