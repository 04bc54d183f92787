namespace Fashionistas.LoadTests.Client;

/// <summary>An answer read by <see cref="RawHttpConnection"/>: status, the body when it is JSON (a copy of its own), and a Retry-After.</summary>
public readonly record struct RawResponse(int Status, ReadOnlyMemory<byte> Json, TimeSpan? RetryAfter);
