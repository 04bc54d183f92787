namespace Fashionistas.Tests.Integrations;

/// <summary>What the local server answers: status, body (JSON unless <paramref name="ContentType"/> says otherwise), extra headers.</summary>
public sealed record ScriptedResponse(
    int StatusCode, string Body, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json")
{
    public static ScriptedResponse Json(int statusCode, string body) => new(statusCode, body);

    public static ScriptedResponse Html(string body) => new(200, body, ContentType: "text/html; charset=utf-8");
}
