namespace Fashionistas.LoadTests.Client;

/// <summary>
/// One request of the hot path as <see cref="RawHttpConnection"/> writes it: method, path, optional bearer token and
/// idempotency key, and an optional JSON body (precomputed bytes, sent with a Content-Length).
/// </summary>
public readonly record struct RawRequest(string Method, string Path, string? Token, string? IdempotencyKey, ReadOnlyMemory<byte> JsonBody)
{
    public static RawRequest Get(string path, string? token) => new("GET", path, token, null, ReadOnlyMemory<byte>.Empty);

    public static RawRequest Post(string path, string? token, string? idempotencyKey, ReadOnlyMemory<byte> jsonBody) =>
        new("POST", path, token, idempotencyKey, jsonBody);

    /// <summary>The most bytes this request can take on the wire (every character at most 3 UTF-8 bytes).</summary>
    public int MaxBytes(int hostLength) =>
        128 + 3 * (Method.Length + Path.Length + hostLength + (Token?.Length ?? 0) + (IdempotencyKey?.Length ?? 0)) + JsonBody.Length;
}
