using System.Buffers.Text;
using System.Text;

namespace Fashionistas.LoadTests.Client;

/// <summary>
/// What <see cref="RawHttpConnection"/> needs from an answer's status line and headers: the status, how the body is
/// framed (Content-Length or chunked), whether it is JSON, a Retry-After in seconds and "Connection: close".
/// </summary>
internal readonly record struct ResponseHead(int Status, long ContentLength, bool Chunked, bool Json, TimeSpan? RetryAfter, bool Close)
{
    /// <summary>Parses "HTTP/1.1 200 OK\r\nName: value\r\n..." (without the blank line that ends it).</summary>
    public static ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new RawHttpException("malformed status line");
        }

        long contentLength = -1;
        var chunked = false;
        var json = false;
        var close = false;
        TimeSpan? retryAfter = null;
        var lineStart = head.IndexOf("\r\n"u8);
        var rest = lineStart < 0 ? [] : head[(lineStart + 2)..];
        while (!rest.IsEmpty)
        {
            var lineEnd = rest.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                contentLength = Utf8Parser.TryParse(value, out long length, out _) ? length : throw new RawHttpException("malformed Content-Length");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = value.IndexOf("chunked"u8) >= 0;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Content-Type"u8))
            {
                json = value.IndexOf("json"u8) >= 0;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Retry-After"u8))
            {
                retryAfter = Utf8Parser.TryParse(value, out int seconds, out _) ? TimeSpan.FromSeconds(seconds) : null;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }

        return new ResponseHead(status, contentLength, chunked, json, retryAfter, close);
    }

    /// <summary>The size line of a chunk: hexadecimal digits, possibly followed by ";extensions".</summary>
    public static int ChunkSize(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon < 0 ? line : line[..semicolon]).Trim((byte)' ');
        return Utf8Parser.TryParse(digits, out int size, out var consumed, 'x') && consumed == digits.Length && size >= 0
            ? size
            : throw new RawHttpException("malformed chunk size");
    }
}
