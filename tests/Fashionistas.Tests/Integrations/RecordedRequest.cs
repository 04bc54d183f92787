using Microsoft.AspNetCore.WebUtilities;

namespace Fashionistas.Tests.Integrations;

/// <summary>A request as the local server saw it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string> MultipartFields,
    IReadOnlyList<RecordedFile> Files)
{
    /// <summary>The body read as <c>application/x-www-form-urlencoded</c> fields.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Body).ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
