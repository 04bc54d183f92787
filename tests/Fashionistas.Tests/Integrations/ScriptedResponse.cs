namespace Fashionistas.Tests.Integrations;

/// <summary>What the local server answers: status, JSON body, extra headers.</summary>
public sealed record ScriptedResponse(int StatusCode, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Json(int statusCode, string body) => new(statusCode, body);
}
