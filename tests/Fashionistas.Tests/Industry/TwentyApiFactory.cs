using Fashionistas.Tests.Integrations;
using Xunit;

namespace Fashionistas.Tests.Industry;

/// <summary>
/// The industry server with Twenty CRM configured against a local scripted server that answers like Twenty's REST
/// API: <c>POST /rest/companies</c> → <c>{"data":{"createCompany":{"id":...}}}</c>, PATCH → <c>updateCompany</c>,
/// the same for people. Every request is recorded.
/// </summary>
public sealed class TwentyApiFactory : IndustryApiFactory, IAsyncLifetime
{
    public const string ApiKey = "twenty-test-key";

    private ScriptedHttpServer? _twenty;

    /// <summary>When set, the next answers are this status (e.g. 503) instead of Twenty's success.</summary>
    public int? FailWith { get; set; }

    public ScriptedHttpServer Twenty => _twenty ?? throw new InvalidOperationException("Not started.");

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = IndustrySettings();
            settings["Crm:Twenty:BaseUrl"] = Twenty.BaseAddress.ToString();
            settings["Crm:Twenty:ApiKey"] = ApiKey;
            return settings;
        }
    }

    /// <summary>The id the fake gives the n-th created record.</summary>
    public static string IdOf(int number) => $"00000000-0000-4000-8000-{number:D12}";

    async Task IAsyncLifetime.InitializeAsync()
    {
        _twenty = await ScriptedHttpServer.StartAsync(Answer);
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        await Twenty.DisposeAsync();
    }

    private ScriptedResponse Answer(RecordedRequest request, int number)
    {
        if (FailWith is { } status)
        {
            return ScriptedResponse.Json(status, """{"statusCode":503,"error":"Service Unavailable"}""");
        }

        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var record = segments.ElementAtOrDefault(1) == "companies" ? "Company" : "Person";
        return (request.Method, segments.Length) switch
        {
            ("POST", 2) => ScriptedResponse.Json(201, Record("create" + record, IdOf(number))),
            ("PATCH", 3) => ScriptedResponse.Json(200, Record("update" + record, segments[2])),
            _ => ScriptedResponse.Json(404, """{"statusCode":404,"error":"Not Found"}"""),
        };
    }

    private static string Record(string operation, string id) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["data"] = new Dictionary<string, object> { [operation] = new { id } } });
}
