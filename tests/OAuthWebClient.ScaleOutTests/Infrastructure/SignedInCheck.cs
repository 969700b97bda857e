using Microsoft.AspNetCore.Mvc.Testing;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests.Infrastructure;

/// <summary>Signed in = the client's home page offers "Sign out" for these cookies (the session maps to stored tokens).</summary>
public static class SignedInCheck
{
    public static Task<bool> IsSignedInAsync(TestHosts hosts, Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return IsSignedInAsync(hosts, browser.Cookies.GetCookieHeader(TestHosts.ClientOrigin));
    }

    /// <param name="cookies">A <c>Cookie</c> header, e.g. one saved before a sign-out to replay it.</param>
    public static async Task<bool> IsSignedInAsync(TestHosts hosts, string cookies)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        using var client = hosts.Client.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookies);
        using var response = await client.SendAsync(request);
        return (await response.Content.ReadAsStringAsync()).Contains("action=\"/account/logout\"", StringComparison.Ordinal);
    }
}
