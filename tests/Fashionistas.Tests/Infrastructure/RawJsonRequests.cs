using System.Net.Http.Headers;
using System.Text;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>Requests whose body is sent as written (malformed on purpose), labelled application/json; charset=utf-8.</summary>
public static class RawJsonRequests
{
    public static HttpRequestMessage Create(string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return request;
    }
}
