using System.Text.Json;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>What the bad-input tests require of every refused request: a 4xx problem+json answer with a title.</summary>
public static class ProblemAnswers
{
    /// <summary>Null when <paramref name="response"/> is such an answer; else its status, type and the start of its body.</summary>
    public static async Task<string?> DescribeIfNotProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType;
        var text = await response.Content.ReadAsStringAsync();
        return status is < 400 or >= 500 || type != "application/problem+json" || !HasTitle(text)
            ? $"{status} {type} {text[..Math.Min(text.Length, 200)]}"
            : null;
    }

    private static bool HasTitle(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
