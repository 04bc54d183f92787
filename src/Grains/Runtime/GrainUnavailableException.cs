namespace Fashionistas.Grains.Runtime;

/// <summary>The runtime is shutting down or the grain's storage is unreachable: the call did nothing.</summary>
public sealed class GrainUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
