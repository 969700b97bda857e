using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests.Infrastructure;

/// <summary>Sends requests straight to one client instance with a browser's cookies (for concurrent load).</summary>
public static class SignedInClient
{
    public static HttpClient For(TestHosts hosts, int instance) =>
        hosts.ClientInstance(instance).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static async Task<HttpStatusCode> GetAsync(HttpClient client, Browser browser, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", browser.Cookies.GetCookieHeader(TestHosts.ClientOrigin));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
